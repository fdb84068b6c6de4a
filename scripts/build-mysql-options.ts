// Builds dist/mysql-options.json, the option reference of every MySQL/MariaDB target, from the source tables in
// data/reference/mycnf-options/:
//   mysql.json          MySQL 8.0 (+ what is known of 8.4) imported from the server source and manual
//   mariadb-10.11.json  MariaDB 10.11 read from the real server (scripts/mycnf/regenerate-mariadb.mjs)
//   overrides.yaml      hand-kept facts with their sources: renames, 5.7 and 8.4 and 11.4 deltas, option-only names
// Every entry is validated (zod) and sanity-checked (types agree with defaults and ranges, enum defaults are allowed
// values, replacements exist on the target); any problem fails the build with the option and target named.
//   node out/scripts/build-mysql-options.cjs <distDir>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { MYSQL_TARGETS, type MysqlTarget } from '../src/core/mycnf/targets';
import type { OptionInfo } from '../src/core/mycnf/options';
import { OPTIONS_ASSET_VERSION, canonicalOptionName, type OptionsAsset } from '../src/core/mycnf/reference';

const root = join(__dirname, '..', '..');
const outDir = process.argv[2] ?? join(root, 'dist');
const dataDir = join(root, 'data/reference/mycnf-options');
const problems: string[] = [];
const t0 = performance.now();

const MYSQL: MysqlTarget[] = ['mysql-5.7', 'mysql-8.0', 'mysql-8.4'];
const MARIADB: MysqlTarget[] = ['mariadb-10.6', 'mariadb-10.11', 'mariadb-11.4', 'mariadb-11.8'];
const PERCONA: MysqlTarget[] = ['percona-5.7', 'percona-8.0', 'percona-8.4'];
const PXC: MysqlTarget[] = ['pxc-5.7', 'pxc-8.0', 'pxc-8.4'];
const DOCS_BASE: Record<MysqlTarget, string> = {
  'mysql-5.7': 'https://dev.mysql.com/doc/refman/5.7/en/',
  'mysql-8.0': 'https://dev.mysql.com/doc/refman/8.0/en/',
  'mysql-8.4': 'https://dev.mysql.com/doc/refman/8.4/en/',
  'mariadb-10.6': 'https://mariadb.com/kb/en/',
  'mariadb-10.11': 'https://mariadb.com/kb/en/',
  'mariadb-11.4': 'https://mariadb.com/kb/en/',
  'mariadb-11.8': 'https://mariadb.com/kb/en/',
  'percona-5.7': 'https://dev.mysql.com/doc/refman/5.7/en/',
  'pxc-5.7': 'https://dev.mysql.com/doc/refman/5.7/en/',
  'percona-8.0': 'https://dev.mysql.com/doc/refman/8.0/en/',
  'percona-8.4': 'https://dev.mysql.com/doc/refman/8.4/en/',
  'pxc-8.0': 'https://dev.mysql.com/doc/refman/8.0/en/',
  'pxc-8.4': 'https://dev.mysql.com/doc/refman/8.4/en/',
};

// ---------- schemas ----------
const optionType = z.enum(['boolean', 'integer', 'size', 'numeric', 'enum', 'set', 'string', 'filename', 'none']);
const version = z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'a version like 8.0.26');
const infoSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_.]*$/),
    type: optionType,
    default: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    blockSize: z.number().int().positive().optional(),
    values: z.array(z.string().min(1)).min(1).optional(),
    scope: z.enum(['global', 'session', 'both']).optional(),
    dynamic: z.boolean().optional(),
    optionFile: z.boolean(),
    requiresValue: z.boolean().optional(),
    multiValued: z.boolean().optional(),
    plugin: z.string().regex(/^[a-z][a-z0-9_]*$/).optional(),
    introduced: version.optional(),
    deprecated: version.optional(),
    removed: z.union([version, z.literal('')]).optional(),
    stillAccepted: z.boolean().optional(),
    /** With stillAccepted: a MySQL name MariaDB never implemented (accepted for compatibility, ignored). */
    mysqlCompat: z.boolean().optional(),
    replacement: z.string().regex(/^[a-z][a-z0-9_.]*$/).optional(),
    /** A successor that is not an option (a component, a plugin): said in words. */
    replacedBy: z.string().min(5).max(160).optional(),
    docs: z.string().url().optional(),
    summary: z.string().max(160).optional(),
    platform: z.literal('windows').optional(),
    defaultVaries: z.boolean().optional(),
    confidence: z.enum(['verified', 'inferred']).optional(),
    maximumPrefix: z.boolean().optional(),
  })
  .strict();

type Info = z.infer<typeof infoSchema>;
type Patch = Partial<Info> & { absent?: boolean; docsPath?: string; defaultUnknown?: boolean };
const scopeKey = z.enum(['all', 'mysql', 'mariadb', 'percona', 'pxc', ...MYSQL_TARGETS]);
const patchSchema = z.partialRecord(scopeKey, z.record(z.string(), z.unknown()));
const overridesSchema = z
  .object({
    renames: z.array(z.tuple([z.string(), z.string(), version])),
    semisyncRenames: z.array(z.tuple([z.string(), z.string()])),
    semisyncRenameVersion: version,
    multiValued: z.array(z.string()),
    patches: z.record(z.string(), patchSchema),
    add: z.record(z.string(), patchSchema),
    mysql84: z.object({
      removed: z.record(z.string(), version),
      present: z.array(z.string()),
    }),
    mysql57: z.object({
      defaults: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      present: z.array(z.string()),
      presentFamilies: z.array(z.string()),
      absent: z.array(z.string()),
      mtrOverridden: z.array(z.string()),
      deprecated: z.record(z.string(), version),
    }),
    pxc: z.object({ add: z.record(z.string(), z.record(z.string(), z.unknown())) }),
    mariadb114: z.object({
      removed: z.record(z.string(), z.union([version, z.literal('')])),
      defaults: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    }),
    plugins: z.object({ mysql: z.record(z.string(), z.string()) }),
  })
  .strict();

// ---------- inputs ----------
function readJson<T>(f: string): T {
  return JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as T;
}
interface MysqlRow extends Partial<Info> {
  name: string;
  type: Info['type'];
  optionOnly?: boolean;
  default84?: unknown;
  in80?: boolean | null;
  in84?: boolean | null;
  docs?: string;
  removedNote?: string;
  aliasOf?: string;
  typeUnknown?: boolean;
}
interface MariaRow {
  name: string;
  type: Info['type'];
  default?: string | number | boolean | null;
  min?: number;
  max?: number;
  values?: string[];
  requiresValue?: boolean;
  optionalValue?: boolean;
  plugin?: string;
  compat?: 'removed' | 'mysql-compat';
  hostDependent?: boolean;
  deprecatedNote?: boolean;
  maximumPrefix?: boolean;
}
const mysqlRows = readJson<{ options: MysqlRow[] }>('mysql.json').options;
const mariaRows = readJson<{ meta: { server: string }; options: MariaRow[] }>('mariadb-10.11.json');
function readYaml(f: string): unknown {
  try {
    return parseYaml(readFileSync(join(dataDir, f), 'utf8'));
  } catch (e) {
    console.error(`data/reference/mycnf-options/${f}: ${(e as Error).message.split('\n')[0]}`);
    process.exit(1);
  }
}
const ovRaw = readYaml('overrides.yaml');
const ovParsed = overridesSchema.safeParse(ovRaw);
if (!ovParsed.success) {
  for (const i of ovParsed.error.issues.slice(0, 30)) console.error(`overrides.yaml: ${i.path.join('.')}: ${i.message}`);
  process.exit(1);
}
const ov = ovParsed.data;

// ---------- MySQL 5.7's own help table (names and defaults; see the file's header) ----------
const HELP57_FILE = 'sources/mysql-5.7.18-help-variables.txt';
/** name (underscores) -> the default as printed ('(No default value)' kept as is). */
export function readHelpTable(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const sp = line.indexOf(' ');
    out.set(line.slice(0, sp < 0 ? line.length : sp).replace(/-/g, '_'), sp < 0 ? '' : line.slice(sp + 1));
  }
  return out;
}
const help57 = readHelpTable(readFileSync(join(dataDir, HELP57_FILE), 'utf8'));
/** A help-table default as a value of the option's type; undefined when it is no value (placeholder, none). */
function helpValue(raw: string, type: Info['type']): Info['default'] | undefined {
  if (raw === '(No default value)' || raw === '####' || /^MYSQL_/.test(raw)) return undefined;
  if (type === 'boolean') return raw === 'TRUE' ? true : raw === 'FALSE' ? false : undefined;
  if (type === 'integer' || type === 'size' || type === 'numeric') {
    if (!/^-?\d+(\.\d+)?$/.test(raw)) return undefined;
    const n = Number(raw);
    return Number.isSafeInteger(n) || !Number.isInteger(n) ? n : undefined; // 2^64-1 style maxima: not exact in JS
  }
  if (type === 'none') return undefined;
  return raw;
}
const facts57 = { helpDefaults: 0, helpAdded: 0, dropped: [] as string[] };

// ---------- per-target tables ----------
const tables = new Map<MysqlTarget, Map<string, Info>>();
for (const t of MYSQL_TARGETS) tables.set(t, new Map());
const put = (t: MysqlTarget, info: Info) => tables.get(t)!.set(info.name, info);

const vparts = (v: string) => v.split('.').map(Number);
/** a < b for dotted versions; a bare series ('8.4') counts as its first release. */
function before(a: string, b: string): boolean {
  const x = vparts(a);
  const y = vparts(b);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}
const inSeries = (v: string | undefined, s: string) => v !== undefined && (v === s || v.startsWith(s + '.'));

function baseFromMysql(r: MysqlRow): Info {
  // Rows of removed options carry optionFile false in the source table (nothing can set them now); they were
  // server options, so the file-settable flag stays true (read-only have_* variables excepted).
  const optionFile = r.removed && !r.name.startsWith('have_') ? true : (r.optionFile ?? true);
  const i: Info = { name: r.name, type: r.type, optionFile };
  for (const k of ['default', 'min', 'max', 'blockSize', 'values', 'scope', 'dynamic', 'requiresValue', 'platform'] as const) {
    if (r[k] !== undefined) (i as Record<string, unknown>)[k] = r[k];
  }
  return i;
}

for (const r of mysqlRows) {
  const docs = r.docs;
  // MySQL 8.0
  const removed80 = r.removed && inSeries(r.removed, '8.0') ? r.removed : undefined;
  if (r.in80 || removed80) {
    const i = baseFromMysql(r);
    if (r.introduced && inSeries(r.introduced, '8.0')) i.introduced = r.introduced;
    if (r.deprecated && inSeries(r.deprecated, '8.0')) i.deprecated = r.deprecated;
    if (removed80) i.removed = removed80;
    if (r.replacement) i.replacement = r.replacement;
    if (docs) i.docs = DOCS_BASE['mysql-8.0'] + docs;
    i.confidence = 'verified';
    put('mysql-8.0', i);
  }
  // MySQL 8.4: present unless removed by 8.4; presence unknown (in84 null) is kept (we cannot claim a removal)
  if (r.in80 !== false || r.in84 || r.removed) {
    const i = baseFromMysql(r);
    if (r.default84 !== undefined) {
      if (typeof r.default84 === 'string' && /^-?\d+$/.test(r.default84)) i.default = Number(r.default84);
      else if (r.default84 === 'ON' || r.default84 === 'OFF') i.default = r.default84 === 'ON';
      else if (typeof r.default84 === 'string' && i.type !== 'string' && !(i.values ?? []).includes(r.default84)) {
        // A formula ("1 if ... else ..."): the default depends on the machine.
        delete i.default;
        i.defaultVaries = true;
      } else i.default = r.default84 as Info['default'];
    }
    if (r.introduced) i.introduced = r.introduced;
    if (r.deprecated) i.deprecated = r.deprecated;
    if (r.removed && !before('8.4.99', r.removed)) i.removed = r.removed;
    if (r.replacement) i.replacement = r.replacement;
    if (docs) i.docs = DOCS_BASE['mysql-8.4'] + docs;
    i.confidence = r.in84 === null && !r.removed ? 'inferred' : 'verified';
    put('mysql-8.4', i);
  }
  // MySQL 5.7: what 8.0 has minus what 8.0 introduced (unless known to be in 5.7 too), plus what 8.0 removed
  // (unless 8.0 had also added it), checked against 5.7's own help table
  const introduced80 = r.introduced && (inSeries(r.introduced, '8.0') || before('8.0.99', r.introduced));
  const family = ov.mysql57.presentFamilies.some((p) => r.name.startsWith(p)) && (!r.introduced || !before('8.0.11', r.introduced));
  const backport = ov.mysql57.present.includes(r.name) || family || help57.has(r.name);
  const devOnly = removed80 && introduced80 && !backport; // added and removed during 8.0 development
  if (((r.in80 && (!introduced80 || backport)) || removed80) && !devOnly && !ov.mysql57.absent.includes(r.name)) {
    const i = baseFromMysql(r);
    const h = help57.get(r.name);
    if (ov.mysql57.defaults[r.name] !== undefined) i.default = ov.mysql57.defaults[r.name];
    else if (h !== undefined && !ov.mysql57.mtrOverridden.includes(r.name)) {
      // the imported table could not type some options 8.0 had already removed: the help table's value tells
      if (r.typeUnknown) i.type = h === 'TRUE' || h === 'FALSE' ? 'boolean' : /^-?\d+$/.test(h) ? 'integer' : 'string';
      const v = helpValue(h, i.type);
      if (v !== undefined) {
        if (JSON.stringify(v) !== JSON.stringify(i.default)) facts57.helpDefaults++;
        i.default = v;
      } else if (h === '(No default value)' && i.type !== 'boolean') i.default = null;
    }
    if (ov.mysql57.deprecated[r.name]) i.deprecated = ov.mysql57.deprecated[r.name];
    if (r.replacement && removed80) i.replacement = r.replacement;
    if (docs) i.docs = DOCS_BASE['mysql-5.7'] + docs;
    i.confidence = h !== undefined ? 'verified' : 'inferred';
    put('mysql-5.7', i);
  } else if (r.in80 || removed80) facts57.dropped.push(r.name);
}
// names of the 5.7 help table that the 8.0 table lacks (gone before 8.0 or renamed)
for (const [name, raw] of help57) {
  if (tables.get('mysql-5.7')!.has(name) || ov.mysql57.mtrOverridden.includes(name)) continue;
  const type: Info['type'] = raw === 'TRUE' || raw === 'FALSE' ? 'boolean' : /^-?\d+$/.test(raw) ? 'integer' : 'string';
  const i: Info = { name, type, optionFile: true, confidence: 'verified' };
  const v = helpValue(raw, type);
  if (v !== undefined) i.default = v;
  if (ov.mysql57.deprecated[name]) i.deprecated = ov.mysql57.deprecated[name];
  put('mysql-5.7', i);
  facts57.helpAdded++;
}
// ---------- MySQL 5.7's plugin variables from its own sources (InnoDB and the community plugins) ----------
// The help table above leaves InnoDB and plugins out; sources/mysql-5.7.37-plugin-variables.txt has them as the
// 5.7.37 sources define them (scripts/mycnf/extract-mysql57-sysvars.mjs). For every prefix it covers, that file
// decides: a name it lacks is not a 5.7 option (unless the help table has it, or it is kept as removed), a name it has
// is verified with its 5.7 default, limits and values. Enterprise plugins (audit_log, firewall, thread_pool, LDAP,
// the other keyrings) and NDB are not in the community sources and stay inferred.
export const PLUGIN57_FILE = 'sources/mysql-5.7.37-plugin-variables.txt';
export interface Plugin57Row {
  name: string;
  kind: string;
  /** '?' unknown, '(null)' none, a JSON string for str/set kinds, else the value as printed. */
  def: string;
  min: string;
  max: string;
  values: string[];
  flags: string[];
}
export function readPluginTable(text: string): { prefixes: string[]; rows: Map<string, Plugin57Row> } {
  const prefixes: string[] = [];
  const rows = new Map<string, Plugin57Row>();
  for (const line of text.split('\n')) {
    const pm = /^#\s+\S+ -> (\w+_)$/.exec(line);
    if (pm) prefixes.push(pm[1]);
    if (!line || line.startsWith('#')) continue;
    const [name, kind, def, min, max, values, flags] = line.split('\t');
    rows.set(name, { name, kind, def, min, max, values: values ? values.split('|') : [], flags: flags ? flags.split(',') : [] });
  }
  return { prefixes, rows };
}
/** A source default as a value of the option's type; undefined when unknown. */
export function pluginValue(row: Pick<Plugin57Row, 'kind' | 'def' | 'values'>, type: Info['type']): Info['default'] | undefined {
  const d = row.def;
  if (d === '?') return undefined;
  if (d === '(null)') return null;
  if (type === 'boolean') return d === 'ON' ? true : d === 'OFF' ? false : undefined;
  if (type === 'integer' || type === 'size' || type === 'numeric') {
    const n = Number(d);
    return Number.isFinite(n) && (Number.isSafeInteger(n) || !Number.isInteger(n)) ? n : undefined;
  }
  if (row.kind === 'str' || row.kind === 'set') return JSON.parse(d) as string;
  if (type === 'enum') return row.values.find((v) => v.toLowerCase() === d.toLowerCase()) ?? d;
  return d;
}
const plugin57 = readPluginTable(readFileSync(join(dataDir, PLUGIN57_FILE), 'utf8'));
const facts57p = { verified: 0, added: [] as string[], dropped: [] as string[], defaults: 0 };
{
  const t57 = tables.get('mysql-5.7')!;
  const covered = (n: string) => plugin57.prefixes.some((p) => n.startsWith(p));
  for (const [name, i] of [...t57]) {
    if (covered(name) && !plugin57.rows.has(name) && !help57.has(name) && i.removed === undefined) {
      t57.delete(name);
      facts57p.dropped.push(name);
    }
  }
  const kindType = (k: string): Info['type'] => (k === 'bool' ? 'boolean' : k === 'str' ? 'string' : k === 'enum' ? 'enum' : k === 'set' ? 'set' : k === 'double' ? 'numeric' : 'integer');
  const numericTypes: Info['type'][] = ['integer', 'size', 'numeric'];
  for (const row of plugin57.rows.values()) {
    let i = t57.get(row.name);
    if (!i) {
      const r = mysqlRows.find((x) => x.name === row.name);
      i = r ? baseFromMysql(r) : { name: row.name, type: kindType(row.kind), optionFile: true };
      t57.set(row.name, i);
      facts57p.added.push(row.name);
    }
    // the 8.0 table's finer type (size, filename) is kept when it is of the same kind
    const k = kindType(row.kind);
    // (a string the server checks against a list at startup, innodb_flush_method, keeps its values)
    const same = k === i.type || (k === 'integer' && numericTypes.includes(i.type)) || (k === 'string' && (i.type === 'filename' || i.type === 'enum'));
    if (!same) {
      i.type = k;
      delete i.values;
      delete i.min;
      delete i.max;
    }
    if (k === 'enum' || k === 'set') {
      if (row.values.length) i.values = row.values;
    } else if (i.type !== 'enum') delete i.values;
    i.optionFile = !row.flags.includes('no-option');
    const before57 = JSON.stringify(i.default);
    const v = pluginValue(row, i.type);
    if (ov.mysql57.defaults[row.name] !== undefined) i.default = ov.mysql57.defaults[row.name];
    else if (v === undefined) delete i.default; // computed at startup, or not a plain value: not claimed
    else if (v === null && i.default !== undefined && i.default !== null) {
      // a string left unset in the definition that the server fills at startup (innodb_data_file_path is
      // ibdata1:12M:autoextend, innodb_flush_method fsync on Unix): the documented value stays
    }
    else i.default = v;
    if (JSON.stringify(i.default) !== before57) facts57p.defaults++;
    delete i.defaultVaries;
    if (numericTypes.includes(i.type)) {
      // limits beyond 2^53 (ULONG_MAX and the like) are not exact in JS: left out
      const num = (x: string) => {
        const n = Number(x);
        return x === '' || x === '?' || !Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n)) ? undefined : n;
      };
      const lo = num(row.min);
      const hi = num(row.max);
      if (lo === undefined) delete i.min;
      else i.min = lo;
      // my_getopt reads a maximum of 0 as "no upper limit" (validate_password_length is defined with 0, 0)
      if (hi === undefined || hi === 0) delete i.max;
      else i.max = hi;
    }
    if (row.flags.includes('read-only')) i.dynamic = false;
    if (row.flags.includes('windows-only')) i.platform = 'windows';
    const dep = ov.mysql57.deprecated[row.name] ?? (row.flags.includes('deprecated') ? '5.7' : undefined);
    if (dep) i.deprecated = dep;
    delete i.introduced;
    i.confidence = 'verified';
    facts57p.verified++;
  }
}

// 8.4 removals and presence confirmed from the 8.1-8.4 change lists
for (const [name, v] of Object.entries(ov.mysql84.removed)) {
  const i = tables.get('mysql-8.4')!.get(name);
  if (!i) problems.push(`overrides mysql84.removed: ${name} is not a MySQL option`);
  else Object.assign(i, { removed: v, confidence: 'verified' });
}
for (const name of ov.mysql84.present) {
  const i = tables.get('mysql-8.4')!.get(name);
  if (!i) problems.push(`overrides mysql84.present: ${name} is not a MySQL option`);
  else if (i.removed) problems.push(`overrides mysql84.present: ${name} is marked removed`);
  else i.confidence = 'verified';
}

// MariaDB 10.11 from the server itself; 11.4 derived from it
const MARIA_PAGES: [RegExp, string][] = [
  [/^innodb_/, 'innodb-system-variables'],
  [/^aria_/, 'aria-system-variables'],
  [/^myisam_/, 'myisam-system-variables'],
  [/^wsrep_/, 'galera-cluster-system-variables'],
  [/^rpl_semi_sync_/, 'semisynchronous-replication'],
  [/^performance_schema/, 'performance-schema-system-variables'],
  [/^server_audit/, 'mariadb-audit-plugin-options-and-system-variables'],
  [/^thread_pool_/, 'thread-pool-system-status-variables'],
  [/^(ssl_|tls_|have_ssl|have_openssl)/, 'ssltls-system-variables'],
  [/^(binlog_|log_bin|log_slave|slave_|master_|relay_log|gtid_|replicate_|sync_binlog|sync_master|sync_relay|expire_logs|max_binlog|max_relay|read_binlog|init_slave|sql_slave|skip_slave|log_basename|report_)/, 'replication-and-binary-log-system-variables'],
];
function mariaDocs(name: string, optionOnly: boolean): string {
  if (optionOnly) return `${DOCS_BASE['mariadb-10.11']}mariadbd-options/#${name.replace(/_/g, '-')}`;
  const page = MARIA_PAGES.find(([re]) => re.test(name))?.[1] ?? 'server-system-variables';
  return `${DOCS_BASE['mariadb-10.11']}${page}/#${name}`;
}
function fromMaria(r: MariaRow, confidence: Info['confidence']): Info {
  const i: Info = { name: r.name, type: r.compat ? 'string' : r.type, optionFile: true, confidence };
  if (r.compat) {
    i.removed = '';
    i.stillAccepted = true;
    if (r.compat === 'mysql-compat') i.mysqlCompat = true;
  } else {
    if (r.default !== undefined) i.default = r.default;
    if (r.hostDependent) i.defaultVaries = true;
    if (r.min !== undefined && Number.isFinite(r.min)) i.min = r.min;
    if (r.max !== undefined && Number.isFinite(r.max)) i.max = r.max;
    if (r.values) i.values = r.values;
    if (r.requiresValue !== undefined) i.requiresValue = r.requiresValue;
    if (r.plugin) i.plugin = r.plugin;
    if (r.maximumPrefix !== undefined) i.maximumPrefix = r.maximumPrefix;
  }
  i.docs = mariaDocs(r.name, !!r.compat || r.type === 'none');
  return i;
}

/**
 * MariaDB 11.4 lies between two servers read directly: 10.11 (Debian 12) and 11.8 (Debian 13). A name both know
 * is on 11.4; where they agree the fact is kept, where they differ the range is widened, value lists are joined
 * and the default is left unknown. A name only 11.8 knows (added in 11.x, perhaps after 11.4) is kept, so that no
 * 11.4 option is called unknown. A name only 10.11 knows was removed in 11.x at a version we cannot see; it is kept
 * as removed, and as still accepted when 11.8 still accepts it.
 */
function between(a: MariaRow | undefined, b: MariaRow | undefined): Info {
  if (!a || !b) {
    const only = (a ?? b)!;
    const i = fromMaria(only, 'inferred');
    if (a && !b && !a.compat && !a.plugin) i.removed = '';
    return i;
  }
  if (a.compat || b.compat) return fromMaria(a.compat && b.compat ? a : a.compat ? b : a, 'inferred');
  const i = fromMaria(a, 'inferred');
  // the newer dump's help text may be worded differently: keep the structured type of either
  const structured = (t: Info['type']) => t !== 'string';
  if (a.type !== b.type) i.type = structured(a.type) ? a.type : b.type;
  if (JSON.stringify(a.default) !== JSON.stringify(b.default)) {
    delete i.default;
    i.defaultVaries = a.hostDependent || b.hostDependent || undefined;
    if (!i.defaultVaries) delete i.defaultVaries;
  }
  const fin = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (fin(a.min) && fin(b.min)) i.min = Math.min(a.min, b.min);
  else delete i.min;
  if (fin(a.max) && fin(b.max)) i.max = Math.max(a.max, b.max);
  else delete i.max;
  if (a.values || b.values) {
    const seen = new Map<string, string>();
    for (const v of [...(a.values ?? []), ...(b.values ?? [])]) if (!seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
    i.values = [...seen.values()];
    if (!a.values || !b.values) i.values = (a.values ?? b.values)!.length ? i.values : undefined;
  }
  if ((i.type === 'enum' || i.type === 'set') && !i.values) delete i.values;
  if (i.type !== 'enum' && i.type !== 'set') delete i.values;
  if (a.maximumPrefix !== b.maximumPrefix) delete i.maximumPrefix;
  if (!(a.requiresValue && b.requiresValue)) i.requiresValue = a.requiresValue === false || b.requiresValue === false ? false : undefined;
  if (i.requiresValue === undefined) delete i.requiresValue;
  return i;
}

const maria1011 = new Map(mariaRows.options.map((r) => [r.name, r]));
const maria118 = new Map(readJson<{ options: MariaRow[] }>('mariadb-11.8.json').options.map((r) => [r.name, r]));
for (const r of mariaRows.options) put('mariadb-10.11', fromMaria(r, 'verified'));
for (const name of new Set([...maria1011.keys(), ...maria118.keys()])) {
  const a = maria1011.get(name);
  const b = maria118.get(name);
  if (a?.plugin && !b) {
    put('mariadb-11.4', fromMaria(a, 'inferred')); // plugins were not read on 11.8
    continue;
  }
  const j = between(a, b);
  if (ov.mariadb114.defaults[name] !== undefined) j.default = ov.mariadb114.defaults[name];
  if (ov.mariadb114.removed[name] !== undefined && j.removed === undefined) j.removed = ov.mariadb114.removed[name];
  if (j.removed !== undefined && !j.stillAccepted && b?.compat) j.stillAccepted = true;
  put('mariadb-11.4', j);
}
// MariaDB 11.8: the 11.8 server itself (plugins were not loaded there: their 10.11 entries, as inferred)
for (const r of maria118.values()) put('mariadb-11.8', fromMaria(r, 'verified'));
for (const r of mariaRows.options) if (r.plugin && !maria118.has(r.name)) put('mariadb-11.8', fromMaria(r, 'inferred'));
// MariaDB 10.6: no 10.6 server was available to read; 10.11's table stands in for it, every entry inferred
for (const r of mariaRows.options) put('mariadb-10.6', fromMaria(r, 'inferred'));

// ---------- renames ----------
for (const [oldName, newName, v] of ov.renames) {
  for (const t of ['mysql-8.0', 'mysql-8.4'] as const) {
    const o = tables.get(t)!.get(oldName);
    const n = tables.get(t)!.get(newName);
    if (!o || !n) {
      problems.push(`renames: ${oldName} -> ${newName} missing on ${t}`);
      continue;
    }
    o.replacement = newName;
    o.deprecated ??= v;
    n.introduced ??= v;
  }
  tables.get('mysql-5.7')!.delete(newName); // the new names came with the rename
}

// ---------- patches and additions ----------
function scopeTargets(s: string): MysqlTarget[] {
  if (s === 'all') return [...MYSQL_TARGETS];
  if (s === 'mysql') return MYSQL;
  if (s === 'mariadb') return MARIADB;
  if (s === 'percona') return PERCONA;
  if (s === 'pxc') return PXC;
  return [s as MysqlTarget];
}
function applyPatch(name: string, scopes: Record<string, Record<string, unknown>>, adding: boolean) {
  for (const [s, fields] of Object.entries(scopes)) {
    for (const t of scopeTargets(s)) {
      const table = tables.get(t)!;
      const cur = table.get(name);
      const p = fields as Patch;
      if (p.absent) {
        table.delete(name);
        continue;
      }
      if (!cur && !adding) {
        problems.push(`overrides patches: ${name} does not exist on ${t} (use add:)`);
        continue;
      }
      const next: Info = { ...(cur ?? { name, type: 'string', optionFile: true }), ...(p as Info) };
      if ('docsPath' in p) {
        delete (next as Patch).docsPath;
        next.docs = DOCS_BASE[t] + p.docsPath;
      }
      for (const [k, v] of Object.entries(p)) if (v === null && k !== 'default') delete (next as Record<string, unknown>)[k];
      // a default sized at startup: what the table says is one machine's value, not the default
      if (p.defaultVaries === true && !('default' in p)) delete next.default;
      if (p.defaultUnknown) {
        delete next.default;
        delete (next as Patch).defaultUnknown;
      }
      if (!cur && !next.docs && t.startsWith('mariadb')) next.docs = mariaDocs(name, next.type === 'none');
      table.set(name, next);
    }
  }
}
for (const [name, scopes] of Object.entries(ov.add)) applyPatch(name, scopes, true);
for (const [name, scopes] of Object.entries(ov.patches)) applyPatch(name, scopes, false);

// semisync renames (MySQL 8.0.26+: new plugin libraries with source/replica names; old libraries still ship)
for (const [oldName, newName] of ov.semisyncRenames) {
  for (const t of ['mysql-8.0', 'mysql-8.4'] as const) {
    const o = tables.get(t)!.get(oldName);
    const n = tables.get(t)!.get(newName);
    if (!o || !n) problems.push(`semisyncRenames: ${oldName} -> ${newName} missing on ${t}`);
    else {
      o.replacement = newName;
      o.deprecated ??= ov.semisyncRenameVersion;
    }
  }
}
// plugin ownership for MySQL (by prefix, longest first)
const pluginPrefixes = Object.entries(ov.plugins.mysql).sort((a, b) => b[0].length - a[0].length);
for (const t of MYSQL) {
  for (const i of tables.get(t)!.values()) {
    if (i.plugin) continue;
    const hit = pluginPrefixes.find(([p]) => i.name.startsWith(p));
    if (hit) i.plugin = hit[1];
  }
}
// ---------- Percona Server and Percona XtraDB Cluster ----------
// MySQL of the same series (Percona's own options are recognised by name in src/core/mycnf/names.ts, without
// types); PXC adds Galera's wsrep_* options (typed as MariaDB 10.11's Galera build has them: inferred) and its own.
const PXC_DOCS = (t: MysqlTarget) => `https://docs.percona.com/percona-xtradb-cluster/${t.slice(4)}/wsrep-system-index.html`;
for (const [t, base] of [['percona-5.7', 'mysql-5.7'], ['percona-8.0', 'mysql-8.0'], ['percona-8.4', 'mysql-8.4'], ['pxc-5.7', 'mysql-5.7'], ['pxc-8.0', 'mysql-8.0'], ['pxc-8.4', 'mysql-8.4']] as const) {
  for (const i of tables.get(base)!.values()) put(t, { ...i, docs: i.docs?.replace(DOCS_BASE[base], DOCS_BASE[t]) });
}
for (const t of PXC) {
  for (const r of mariaRows.options) {
    if (!r.name.startsWith('wsrep_') || r.compat) continue;
    const i = fromMaria(r, 'inferred');
    delete i.default; // MariaDB's defaults are not PXC's
    delete i.defaultVaries;
    i.docs = PXC_DOCS(t);
    put(t, i);
  }
  for (const [name, raw] of Object.entries(ov.pxc.add)) {
    const { only, ...fields } = raw as { only?: string[] } & Partial<Info>;
    if (only && !only.includes(t)) continue;
    const cur = tables.get(t)!.get(name);
    put(t, { ...(cur ?? { name, type: 'string', optionFile: true }), docs: PXC_DOCS(t), confidence: 'verified', ...fields });
  }
}

for (const t of MYSQL_TARGETS) for (const n of ov.multiValued) {
  const i = tables.get(t)!.get(n);
  if (i) i.multiValued = true;
}

// ---------- counts that the source tables typed as byte sizes (by name) ----------
// "size" is shown as bytes; these count rows, pages, characters, bits, operations per second or percent.
const NOT_BYTES = [
  /^performance_schema_.*_size$/,
  /^innodb_io_capacity(_max)?$/,
  /^innodb_ft_(min|max)_token_size$/,
  /^innodb_(purge|doublewrite)_batch_size$/,
  /^innodb_sync_array_size$/,
  /^innodb_change_buffer_max_size$/,
  /^(binlog_transaction_dependency_history_size|delayed_queue_size|profiling_history_size|max_join_size|myisam_data_pointer_size)$/,
  /^enterprise_encryption\.maximum_rsa_key_size$/,
  /^(histogram_size|thread_pool_size|gtid_cleanup_batch_size|aria_pagecache_file_hash_size|key_cache_file_hash_size|wsrep_trx_fragment_size)$/,
];
for (const table of tables.values()) for (const i of table.values()) if (i.type === 'size' && NOT_BYTES.some((re) => re.test(i.name))) i.type = 'integer';

// ---------- summaries (our own one-liners) ----------
const summaries = z.record(z.string(), z.string().min(10).max(160)).safeParse(readYaml('summaries.yaml'));
if (!summaries.success) problems.push(`summaries.yaml: ${summaries.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
else {
  for (const [name, text] of Object.entries(summaries.data)) {
    let used = false;
    for (const table of tables.values()) {
      const i = table.get(name);
      if (i && !i.summary) {
        i.summary = text;
        used = true;
      }
    }
    if (!used) problems.push(`summaries.yaml: ${name} is no option of any target`);
  }
}

// ---------- validation and sanity checks ----------
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
for (const [t, table] of tables) {
  for (const i of table.values()) {
    const where = `${t} ${i.name}`;
    const r = infoSchema.safeParse(i);
    if (!r.success) {
      for (const iss of r.error.issues) problems.push(`${where}: ${iss.path.join('.')}: ${iss.message}`);
      continue;
    }
    if (i.removed !== undefined) continue; // only the name matters for removed options
    const d = i.default;
    const numeric = i.type === 'integer' || i.type === 'size' || i.type === 'numeric';
    if (d !== undefined && d !== null) {
      if (i.type === 'boolean' && typeof d !== 'boolean') problems.push(`${where}: boolean with default ${JSON.stringify(d)}`);
      if (numeric && !isNum(d)) problems.push(`${where}: ${i.type} with default ${JSON.stringify(d)}`);
      if ((i.type === 'integer' || i.type === 'size') && isNum(d) && !Number.isInteger(d)) problems.push(`${where}: integer with fractional default ${d}`);
      if (!numeric && i.type !== 'boolean' && typeof d === 'number') problems.push(`${where}: ${i.type} with numeric default ${d}`);
      if (i.type === 'enum' && i.values && !i.values.some((v) => v.toLowerCase() === String(d).toLowerCase())) problems.push(`${where}: enum default ${JSON.stringify(d)} not in [${i.values}]`);
      if (i.type === 'set' && i.values && typeof d === 'string' && d !== '') {
        for (const part of d.split(',')) if (!i.values.some((v) => v.toLowerCase() === part.toLowerCase())) problems.push(`${where}: set default part ${part} not in values`);
      }
      if (isNum(d) && isNum(i.min) && d < i.min && !i.defaultVaries) problems.push(`${where}: default ${d} below min ${i.min}`);
      if (isNum(d) && isNum(i.max) && d > i.max && !i.defaultVaries) problems.push(`${where}: default ${d} above max ${i.max}`);
    }
    if ((i.min !== undefined || i.max !== undefined) && !numeric) problems.push(`${where}: range on a ${i.type} option`);
    if (isNum(i.min) && isNum(i.max) && i.min > i.max) problems.push(`${where}: min ${i.min} > max ${i.max}`);
    if (i.values && i.type !== 'enum' && i.type !== 'set') problems.push(`${where}: values on a ${i.type} option`);
    if (i.replacement) {
      const rep = table.get(i.replacement);
      if (!rep) problems.push(`${where}: replacement ${i.replacement} does not exist on ${t}`);
      else if (rep.removed !== undefined) problems.push(`${where}: replacement ${i.replacement} is itself removed on ${t}`);
    }
    if (i.deprecated && i.introduced && before(i.deprecated, i.introduced)) problems.push(`${where}: deprecated ${i.deprecated} before introduced ${i.introduced}`);
  }
}
if (problems.length) {
  console.error(`build-mysql-options: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

// ---------- compact output ----------
// One record per name: `b` holds the fields shared by the targets that have the name, `t` maps each target that
// has it to its own differences (0 = none; `~` lists fields the base has and this target lacks). Docs URLs are
// stored without the target's base URL.
const names = new Set<string>();
for (const table of tables.values()) for (const n of table.keys()) names.add(n);
const records: OptionsAsset['options'] = [];
const TARGET_INDEX = Object.fromEntries(MYSQL_TARGETS.map((t, k) => [t, k]));
/** The usual confidence of a target's entries; an entry stores its own only when it differs. */
const TARGET_CONFIDENCE: Record<MysqlTarget, 'verified' | 'inferred'> = {
  'mysql-5.7': 'inferred',
  'mysql-8.0': 'verified',
  'mysql-8.4': 'verified',
  'mariadb-10.6': 'inferred',
  'mariadb-10.11': 'verified',
  'mariadb-11.4': 'inferred',
  'mariadb-11.8': 'verified',
  'percona-5.7': 'inferred',
  'percona-8.0': 'verified',
  'percona-8.4': 'verified',
  'pxc-5.7': 'inferred',
  'pxc-8.0': 'verified',
  'pxc-8.4': 'verified',
};
for (const name of [...names].sort()) {
  const per: [MysqlTarget, Record<string, unknown>][] = [];
  for (const t of MYSQL_TARGETS) {
    const i = tables.get(t)!.get(name);
    if (!i) continue;
    const o: Record<string, unknown> = { ...i };
    delete o.name;
    if (typeof o.docs === 'string' && o.docs.startsWith(DOCS_BASE[t])) o.docs = o.docs.slice(DOCS_BASE[t].length);
    // "page/#name" is stored as "page/#": the reader appends the name
    if (typeof o.docs === 'string' && o.docs.endsWith(`#${name}`)) o.docs = o.docs.slice(0, -name.length);
    if (o.confidence === TARGET_CONFIDENCE[t]) delete o.confidence;
    per.push([t, o]);
  }
  // base: for every field, the value most targets share
  const base: Record<string, unknown> = {};
  const keys = new Set(per.flatMap(([, o]) => Object.keys(o)));
  for (const k of keys) {
    const counts = new Map<string, number>();
    for (const [, o] of per) if (k in o) counts.set(JSON.stringify(o[k]), (counts.get(JSON.stringify(o[k])) ?? 0) + 1);
    let best: string | undefined;
    let n = 0;
    for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
    if (best !== undefined && n * 2 >= per.length) base[k] = JSON.parse(best);
  }
  const t: Record<number, 0 | Record<string, unknown>> = {};
  for (const [target, o] of per) {
    const diff: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) if (JSON.stringify(base[k]) !== JSON.stringify(v)) diff[k] = v;
    const missing = Object.keys(base).filter((k) => !(k in o));
    if (missing.length) diff['~'] = missing;
    t[TARGET_INDEX[target]] = Object.keys(diff).length ? diff : 0;
  }
  records.push({ n: name, b: base, t });
}
const asset: OptionsAsset = {
  v: OPTIONS_ASSET_VERSION,
  targets: MYSQL_TARGETS.map((target) => ({ target, docsBase: DOCS_BASE[target], confidence: TARGET_CONFIDENCE[target] })),
  sources: {
    mysql: 'MySQL 8.0.41 source and 8.0 manual; 8.4 from the 8.1-8.4 change lists and the 8.4.0 release notes; 5.7 from 5.7.18\'s own mysqld --help table (server core, verified), 5.7.37\'s sources (InnoDB and the community plugins, verified) and the 8.0 added/removed lists (enterprise plugins and NDB, inferred)',
    mariadb: `MariaDB ${mariaRows.meta.server} and 11.8 (mariadbd --help --verbose and probes); 11.4 bracketed by the two and 10.6 taken from 10.11 (both inferred)`,
    percona: 'Percona Server = MySQL of the same series plus Percona option names; PXC adds Galera options typed from MariaDB 10.11 (inferred) and its own [PXC manual]',
  },
  options: records,
};
mkdirSync(outDir, { recursive: true });
const json = JSON.stringify(asset);
writeFileSync(join(outDir, 'mysql-options.json'), json);
const counts = MYSQL_TARGETS.map((tg) => `${tg} ${tables.get(tg)!.size}`).join(', ');
console.log(`build-mysql-options: ${records.length} names (${counts}); ${(json.length / 1024).toFixed(0)} KiB in ${Math.round(performance.now() - t0)} ms`);
if (process.env.MYCNF_FACTS) {
  // per target, per kind of fact (npm run build with MYCNF_FACTS=1)
  for (const tg of MYSQL_TARGETS) {
    const all = [...tables.get(tg)!.values()];
    const n = (f: (i: Info) => boolean) => all.filter(f).length;
    console.log(`  ${tg}: ${all.length} names, ${n((i) => i.removed !== undefined)} removed (${n((i) => !!i.replacement || !!i.replacedBy)} with successor), ${n((i) => !!i.deprecated && i.removed === undefined)} deprecated, ${n((i) => i.default !== undefined && i.removed === undefined)} defaults, ${n((i) => (i.confidence ?? TARGET_CONFIDENCE[tg]) === 'inferred')} inferred`);
  }
  console.log(`  mysql-5.7 from its help table: ${facts57.helpDefaults} defaults corrected, ${facts57.helpAdded} names added, ${facts57.dropped.length} 8.0 names left out`);
  console.log(`  mysql-5.7 from its plugin sources (${PLUGIN57_FILE}): ${facts57p.verified} names verified, ${facts57p.defaults} defaults changed, ${facts57p.added.length} added (${facts57p.added.join(' ')}), ${facts57p.dropped.length} dropped (${facts57p.dropped.join(' ')})`);
}
void canonicalOptionName;
void (null as unknown as OptionInfo);

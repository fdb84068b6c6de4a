/**
 * From the syntax to what the server makes of it: the target, each group's role, the option each name resolves to
 * (modifiers stripped the way my_getopt strips them: the full name first, then `loose-`, `skip-`, `disable-`,
 * `enable-`, `maximum-` and, on MariaDB, `autoset-`, repeatedly), and the effective server configuration.
 */
import type { ResolvedConfig } from '../config';
import type { MysqlTarget } from './targets';
import type { LintEnv } from '../language';
import { applyGroupClass, flavorOf } from './groups';
import type { CnfOption, MycnfModel, Prefix, ServerView, TargetChoice } from './model';
import { MARIADB_ALIAS_MAP, MYSQL_RENAME_MAP, NEGATION_ALIAS_MAP } from './names';
import type { OptionReference } from './options';
import { parseOptionFiles } from './parse';
import { chooseTarget, type RefLoader } from './target';
import { dropUnrendered, namesServer, optionGuards } from './guards';
import { MYSQL_TARGETS } from './targets';

/** Sticky: matched at the current offset of the name. */
const PREFIX = /(loose|skip|disable|enable|maximum|autoset)_/iy;

/** Folders whose files the server reads through `!includedir` as parts of one configuration. */
const OVERLAY_DIR = /(^|[\\/])(conf\.d|mysql\.conf\.d|mariadb\.conf\.d|my\.cnf\.d|percona-server\.conf\.d|percona-xtradb-cluster\.conf\.d)[\\/][^\\/]+$/i;

/** True when the file is one part of a configuration assembled from a folder (read through `!includedir`). */
export function isOverlayPath(fileName: string | undefined): boolean {
  return !!fileName && OVERLAY_DIR.test(fileName);
}

export function buildModel(text: string, env: LintEnv, config: ResolvedConfig, refs: RefLoader): MycnfModel {
  const p = parseOptionFiles(text, env);
  // A conf.d file is a fragment of the whole configuration: checks that need all of it (no server_id, no cluster
  // address, replica safety) stay quiet here and run on the root file, which reads this one through !includedir.
  if (isOverlayPath(env.fileName) || env.includedBy) p.partial = true;
  // a template: lines a flavor or version guard chooses say nothing about the server meant, and those the guard
  // keeps out of the rendering for the target are not in its file
  const guards = optionGuards(p);
  const target = targetOfParsed(p, guards, config, refs);
  const t = target.target;
  for (const g of p.groups) applyGroupClass(g, t);
  const ref = refs(t);
  for (const o of p.options) {
    const checkTarget = o.group ? o.group.checkTarget : t;
    resolveOption(o, checkTarget ? refs(checkTarget) : undefined, checkTarget ?? t);
  }
  if (guards) dropUnrendered(p, t, guards);
  const serverOptions = p.options.filter((o) => (o.group ? o.group.role === 'server' : p.fragment && o.source === 0));
  const server = makeView(serverOptions, ref);
  const main = p.sources[0];
  // the suppression units are only needed when the file has an ignore comment: built on first use
  let units: MycnfModel['units'] | undefined;
  return {
    ...p,
    target,
    ref,
    server,
    comments: main.comments,
    get units() {
      return (units ??= unitsOf(p));
    },
    ...(guards ? { guards } : {}),
  };
}

/**
 * The target of parsed files: a template's lines under a flavor or version guard say nothing about the server meant
 * (the lint and the target the CLI and the editor show both come from here).
 */
export function targetOfParsed(p: ReturnType<typeof parseOptionFiles>, guards: ReturnType<typeof optionGuards>, config: ResolvedConfig, refs: RefLoader): TargetChoice {
  return chooseTarget(guards ? { ...p, options: p.options.filter((o) => !namesServer(guards.get(o) ?? [], MYSQL_TARGETS)) } : p, config, refs);
}

/** The lines of the linted file an ignore comment can apply to (groups, options, directives, malformed lines). */
function unitsOf(p: ReturnType<typeof parseOptionFiles>): MycnfModel['units'] {
  const units: MycnfModel['units'] = [];
  for (const g of p.groups) if (g.source === 0) units.push({ startLine: g.line, endLine: g.line });
  for (const o of p.options) if (o.source === 0) units.push({ startLine: o.line, endLine: o.line });
  for (const d of p.directives) if (d.source === 0) units.push({ startLine: d.line, endLine: d.line });
  for (const m of p.malformed) if (m.source === 0) units.push({ startLine: m.line, endLine: m.line });
  units.sort((a, b) => a.startLine - b.startLine);
  return units;
}

/** Finds the option a name means, stripping modifiers like the server does. */
export function resolveOption(o: CnfOption, ref: OptionReference | undefined, target: MysqlTarget): void {
  const maria = flavorOf(target) === 'mariadb';
  const norm = o.norm;
  // Linear in the name's length, whatever its number of modifiers (`loose-` × 10,000 must not cost n²): the name
  // is never copied while modifiers are stripped, and no name longer than the longest option is looked up.
  const longest = ref ? longestName(ref) : 0;
  let offset = 0;
  // most names have no modifier: the list is made on the first one
  let prefixes: Prefix[] | undefined;
  for (;;) {
    const fits = norm.length - offset <= longest;
    const s = fits ? norm.slice(offset) : '';
    const info = ref && fits ? lookup(ref, s, maria) : undefined;
    if (info) {
      o.info = info;
      o.name = info.name;
      break;
    }
    // MariaDB tries the unambiguous beginning of a name before it looks for modifiers (skip-name-res is
    // skip-name-resolve, not skip + name-res)
    if (ref && maria && fits && s.length >= 2) {
      const longer = prefixMatches(ref, s);
      if (longer.length) {
        o.abbreviationOf = longer;
        // a unique beginning is that option for the server: check it as such
        const only = longer.length === 1 ? ref.lookup(longer[0]) : undefined;
        if (only) o.info = only;
        o.name = only ? only.name : s.toLowerCase();
        break;
      }
    }
    PREFIX.lastIndex = offset;
    const m = PREFIX.exec(norm);
    if (!m || (!maria && m[1] !== m[1].toLowerCase()) || (m[1].toLowerCase() === 'autoset' && !maria)) {
      o.name = norm.slice(offset).toLowerCase();
      break;
    }
    (prefixes ??= []).push(m[1].toLowerCase() as Prefix);
    offset += m[0].length;
  }
  o.prefixes = prefixes ?? NO_PREFIXES;
  // ranges are never changed in place: without modifiers the bare name's range is the name's own range object
  o.baseRange = offset ? { start: { line: o.line, character: o.nameRange.start.character + offset }, end: o.nameRange.end } : o.nameRange;
  o.key = settingKey(o.name, maria);
}

/** The modifiers of an option that has none (shared and frozen). */
const NO_PREFIXES = Object.freeze([]) as unknown as Prefix[];

const longestNames = new WeakMap<OptionReference, number>();

/** The length of the longest option name a reference knows. */
function longestName(ref: OptionReference): number {
  let n = longestNames.get(ref);
  if (n === undefined) {
    n = 0;
    for (const i of ref.all()) n = Math.max(n, i.name.length);
    longestNames.set(ref, n);
  }
  return n;
}

/**
 * Reference lookup with the server's case rules: MySQL compares option names case-sensitively, MariaDB does not.
 * A MySQL name that only matches in another case is left unknown (the server rejects it).
 */
function lookup(ref: OptionReference, name: string, maria: boolean) {
  if (maria) return ref.lookup(name.toLowerCase());
  const info = ref.lookup(name);
  if (!info || name === name.toLowerCase() || info.name === name) return info;
  return undefined;
}

const prefixIndex = new WeakMap<OptionReference, string[]>();

/** Options whose name starts with `name` (MariaDB accepts an unambiguous prefix of an option name). */
export function prefixMatches(ref: OptionReference, name: string): string[] {
  let names = prefixIndex.get(ref);
  if (!names) {
    names = ref
      .all()
      .filter((i) => i.removed === undefined && i.optionFile)
      .map((i) => i.name)
      .sort();
    prefixIndex.set(ref, names);
  }
  const n = name.toLowerCase();
  // binary search for the first name >= n
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid] < n) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < names.length && names[i].startsWith(n); i++) out.push(names[i]);
  return out;
}

/**
 * The effective-setting key: renamed aliases fold onto MySQL's current name (on MariaDB too, so that rules can ask
 * for `log_replica_updates` whatever the flavor calls it), `skip_log_bin` onto `log_bin`.
 */
export function settingKey(name: string, maria: boolean): string {
  const n = name.toLowerCase();
  const neg = NEGATION_ALIAS_MAP.get(n);
  if (neg) return neg;
  const alias = maria ? MARIADB_ALIAS_MAP.get(n) : undefined;
  if (alias) return alias;
  return MYSQL_RENAME_MAP.get(n) ?? n;
}

function makeView(options: CnfOption[], ref: OptionReference | undefined): ServerView {
  const by = new Map<string, CnfOption[]>();
  const kept: CnfOption[] = [];
  for (const o of options) {
    if (o.prefixes.includes('maximum') || o.prefixes.includes('autoset')) continue;
    // the server ignores a loose- option it does not know
    if (ref && !o.info && o.prefixes.includes('loose')) continue;
    kept.push(o);
    let list = by.get(o.key);
    if (!list) by.set(o.key, (list = []));
    list.push(o);
  }
  return {
    options: kept,
    all: (k) => by.get(k) ?? [],
    get: (k) => {
      const l = by.get(k);
      if (!l?.length) return undefined;
      return k === 'user' ? l[0] : l[l.length - 1];
    },
    has: (k) => by.has(k),
    keys: () => [...by.keys()],
  };
}

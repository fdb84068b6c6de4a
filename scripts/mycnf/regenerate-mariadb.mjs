#!/usr/bin/env node
// Regenerates the MariaDB part of the option reference from the real server:
//   node scripts/mycnf/regenerate-mariadb.mjs [--mariadbd /usr/sbin/mariadbd] [--out data/reference/mycnf-options/mariadb-10.11.json]
//        [--no-plugins] [--quick]
// A newer server unpacked from Debian's packages (e.g. trixie's 11.8 into a folder, run through its own ld.so by a
// small wrapper script) can be read the same way: --mariadbd /path/to/wrapper --no-plugins.
//
// What it runs (never starts a server: `--help --verbose` parses the options and exits):
//   1. `mariadbd --no-defaults --help --verbose`: every option, its argument form, the allowed values named in the
//      help text, and the default from the "Variables" section.
//   2. Range probes: an option file that sets every numeric option to 0, then to a huge value; the server's
//      "adjusted to" warnings give the real minimum and maximum. Options that the server refuses in a batch
//      (an error aborts the run) are probed one at a time.
//      Then `maximum-X` for each numeric option: whether the server takes that prefix or refuses it.
//   3. Plugins: every library in the plugin directory is loaded with --plugin-load-add; the options that appear
//      belong to that plugin (they are unknown to the server unless the plugin is loaded).
//   4. Compatibility names: every MySQL option name of data/reference/mycnf-options/mysql.json that this server does
//      not list is tried with the loose- prefix; the server says whether it is unknown, "was removed" (accepted and
//      ignored) or a MySQL-compatibility option (accepted and ignored).
// Install the server first on Debian/Ubuntu: apt-get install mariadb-server (Debian 12 ships 10.11).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join, dirname, isAbsolute } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const args = process.argv.slice(2);
const arg = (k, d) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : d;
};
const mariadbd = arg('--mariadbd', findServer());
const quick = args.includes('--quick'); // skip the slow probes (ranges, plugins, compatibility names)
const noPlugins = args.includes('--no-plugins'); // e.g. a server unpacked beside another version's plugin folder

function findServer() {
  for (const p of ['/usr/sbin/mariadbd', '/usr/local/bin/mariadbd', '/usr/bin/mariadbd']) if (existsSync(p)) return p;
  return 'mariadbd';
}

const prlimit = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p));
const tmp = mkdtempSync(join(tmpdir(), 'mariadb-ref-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

/** Runs `mariadbd --defaults-file=F --help --verbose` (or --no-defaults) and returns {status, out, err}. */
function help(extraArgs = [], cnf) {
  const first = cnf === undefined ? ['--no-defaults'] : [`--defaults-file=${cnf}`];
  // Huge probe values make the server allocate huge buffers: cap its address space (2 GiB) so a probe cannot eat the machine.
  const cmd = prlimit ? prlimit : mariadbd;
  const pre = prlimit ? ['--as=2147483648', '--', mariadbd] : [];
  const r = spawnSync(cmd, [...pre, ...first, ...extraArgs, '--help', '--verbose'], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { status: r.status, out: r.stdout, err: r.stderr };
}

function withFile(lines, extraArgs = []) {
  const f = join(tmp, 'probe.cnf');
  writeFileSync(f, `[mysqld]\n${lines.join('\n')}\n`);
  return help(extraArgs, f);
}

const canon = (n) => n.replace(/-/g, '_').toLowerCase();

// ---- 1. parse the help text ----
function parseHelp(text) {
  const lines = text.split('\n');
  const opts = new Map(); // canonical name -> {name, form, desc}
  let cur;
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith('Variables (--variable-name=value)')) break;
    const m = /^  (?:-\w, )?--([A-Za-z0-9_.-]+)(\[=#\]|=#|\[=name\]|=name)?(?:\s+(.*))?$/.exec(l);
    if (m) {
      cur = { option: m[1], form: m[2] ?? '', desc: (m[3] ?? '').trim() };
      opts.set(canon(m[1]), cur);
    } else if (cur && /^\s{2,}\S/.test(l)) cur.desc += ' ' + l.trim();
    else if (!l.trim()) cur = undefined;
  }
  const vars = new Map();
  for (i += 3; i < lines.length; i++) {
    const l = lines[i];
    if (!l.trim()) break;
    const m = /^(\S+)\s+(.*)$/.exec(l) ?? /^(\S+)$/.exec(l);
    if (m) vars.set(canon(m[1]), (m[2] ?? '').trimEnd());
  }
  const version = /Ver (\S+)/.exec(text)?.[1];
  const groups = /The following groups are read: (.*)/.exec(text)?.[1]?.trim().split(/\s+/);
  return { opts, vars, version, groups };
}

function listAfter(desc, marker) {
  const i = desc.indexOf(marker);
  if (i < 0) return undefined;
  let rest = desc.slice(i + marker.length);
  rest = rest.split(/,? or ALL to set all combinations|\s+Use 'ALL'|\. |\s\(Defaults/)[0];
  const vals = rest
    .split(',')
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter(Boolean);
  return vals.length && vals.every((v) => /^[A-Za-z0-9_.-]+$/.test(v)) ? vals : undefined;
}

const host = hostname();
function toEntry(key, o, rawDefault) {
  const e = { name: key };
  let def = rawDefault;
  if (def === '(No default value)') def = null;
  const isBool = def === 'TRUE' || def === 'FALSE';
  const enumVals = listAfter(o.desc, 'One of: ');
  const setVals = listAfter(o.desc, 'Any combination of: ');
  if (o.form === '') e.type = isBool ? 'boolean' : rawDefault === undefined ? 'none' : 'string';
  else if (o.form.includes('#')) e.type = typeof def === 'string' && /^-?\d+\.\d+(e[+-]?\d+)?$/i.test(def) ? 'numeric' : /size$/.test(key) ? 'size' : 'integer';
  else if (setVals) e.type = 'set';
  else if (enumVals) e.type = 'enum';
  else if (isBool) e.type = 'boolean';
  else e.type = 'string';
  if (e.type === 'enum') e.values = enumVals;
  if (e.type === 'set') e.values = setVals;
  if (def !== undefined) {
    if (isBool) e.default = def === 'TRUE';
    else if (def === null) e.default = null;
    else if ((e.type === 'integer' || e.type === 'size') && /^-?\d+$/.test(def)) e.default = Number(def);
    else if (e.type === 'numeric' && /^-?[\d.]+(e[+-]?\d+)?$/i.test(def)) e.default = Number(def);
    else e.default = def;
    // Values that come from the machine the dump ran on are not defaults anyone can rely on.
    if (typeof e.default === 'string' && host && e.default.includes(host)) {
      delete e.default;
      e.hostDependent = true;
    }
  }
  e.requiresValue = o.form.startsWith('=');
  if (o.form.startsWith('[=')) e.optionalValue = true;
  if (/\bdeprecated\b/i.test(o.desc)) e.deprecatedNote = true;
  return e;
}

console.log(`mariadb: ${mariadbd}`);
const base = help();
if (base.status !== 0) throw new Error(`mariadbd --help failed: ${base.err}`);
const parsed = parseHelp(base.out);
console.log(`mariadb: version ${parsed.version}, ${parsed.opts.size} options, ${parsed.vars.size} variables`);
const entries = new Map();
for (const [k, o] of parsed.opts) {
  if (['help', 'verbose', 'version', 'print_defaults', 'no_defaults', 'defaults_file', 'defaults_extra_file', 'defaults_group_suffix'].includes(k)) continue;
  entries.set(k, toEntry(k, o, parsed.vars.get(k)));
}
// Machine-dependent defaults (autosized from the CPU count, memory or open-files limit of the dumping machine).
for (const k of ['open_files_limit', 'thread_pool_size', 'table_open_cache_instances', 'innodb_buffer_pool_size', 'aria_log_dir_path', 'datadir', 'log_basename', 'pid_file', 'general_log_file', 'slow_query_log_file', 'wsrep_node_name', 'wsrep_data_home_dir', 'innodb_read_io_threads', 'innodb_write_io_threads']) {
  const e = entries.get(k);
  if (e && 'default' in e) {
    e.hostDependent = true;
  }
}

// ---- 2. ranges ----
/** Parses "option 'x': unsigned value N adjusted to M" / "signed value" / "value ... adjusted to" warnings. */
function adjusted(err) {
  const out = new Map();
  for (const m of err.matchAll(/option '([^']+)': (?:unsigned |signed )?value (\S+) adjusted to (\S+)/g)) {
    // decimals are printed with 6 significant digits (3.15e+07): not exact enough to be a limit
    if (!/e[+-]?\d/i.test(m[3])) out.set(canon(m[1]), m[3]);
  }
  return out;
}
/** Every option named in an [ERROR] line ("... to 'x'", "... for x"). */
function failingOptions(err) {
  const out = new Set();
  for (const l of err.split('\n')) {
    if (!/\[ERROR\]/.test(l)) continue;
    for (const m of l.matchAll(/(?:to|for|variable|option) '([^'=]+)/g)) out.add(canon(m[1].replace(/^--/, '')));
    const m = /for ([a-z0-9_-]+)\s*$/.exec(l);
    if (m) out.add(canon(m[1]));
  }
  return out;
}
/** Sets each name to value, one run per option (a run takes ~50 ms; a batch would hide plugin options behind the
 *  first error). Returns name -> adjusted value, 'ok' (taken as given), 'error' (refused) or 'unknown' (crash). */
function probe(names, value) {
  const result = new Map();
  for (const n of names) {
    let r;
    try {
      r = withFile([`${n}=${value}`]);
    } catch {
      result.set(n, 'unknown');
      continue;
    }
    const adj = adjusted(r.err).get(n);
    if (adj !== undefined) result.set(n, adj);
    else if (failingOptions(r.err).has(n)) result.set(n, 'error');
    else if (r.status !== 0) result.set(n, 'unknown');
    else result.set(n, 'ok');
  }
  return result;
}

if (!quick) {
  // open_files_limit asks the kernel for that many descriptors: not probed.
  const numeric = [...entries.values()].filter((e) => (e.type === 'integer' || e.type === 'size' || e.type === 'numeric') && e.name !== 'open_files_limit').map((e) => e.name);
  // Decimal options take 1.5; integer ones refuse the '.' suffix.
  const decimals = probe(numeric, '1.5');
  for (const n of numeric) if (decimals.get(n) === 'ok') entries.get(n).type = 'numeric';
  let t = performance.now();
  const lows = probe(numeric, 0);
  console.log(`mariadb: low probe ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  const negatives = numeric.filter((n) => lows.get(n) === 'ok');
  const neg = probe(negatives, '-9223372036854775808');
  console.log(`mariadb: negative probe ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  const highs = probe(numeric, '18446744073709551615');
  console.log(`mariadb: high probe ${Math.round(performance.now() - t)} ms`);
  const hugeSigned = probe(numeric.filter((n) => highs.get(n) === 'error'), '9223372036854775807');
  for (const n of numeric) {
    const e = entries.get(n);
    const lo = lows.get(n);
    const num = (x) => (Number.isFinite(Number(x)) ? Number(x) : undefined);
    if (lo && lo !== 'ok' && lo !== 'error' && lo !== 'unknown') e.min = num(lo);
    else if (lo === 'ok') {
      const ng = neg.get(n);
      if (ng && ng !== 'ok' && ng !== 'error' && ng !== 'unknown') e.min = num(ng);
      else if (ng === 'error') e.min = 0; // unsigned: a negative value is refused
    }
    const hi = highs.get(n);
    if (hi && hi !== 'ok' && hi !== 'error' && hi !== 'unknown') e.max = num(hi);
    else if (hi === 'ok' && e.type !== 'numeric') e.max = 18446744073709551615;
    else {
      const hs = hugeSigned.get(n);
      if (hs && hs !== 'ok' && hs !== 'error' && hs !== 'unknown') e.max = num(hs);
      else if (hs === 'ok' && e.type !== 'numeric') e.max = 9223372036854775807;
    }
  }
  console.log(`mariadb: ranges probed for ${numeric.length} numeric options`);

  // `maximum-X` (the ceiling a session may raise X to) is refused with "Maximum value of 'X' cannot be set" for
  // options without a session value and for decimals; record what the server does with it for each numeric option.
  let scoped = 0;
  for (const n of numeric) {
    const e = entries.get(n);
    let r;
    try {
      r = withFile([`maximum-${n}=${e.default ?? 1}`]);
    } catch {
      continue;
    }
    if (/Maximum value of '[^']+' cannot be set/.test(r.err)) e.maximumPrefix = false;
    else if (r.status === 0 && !/\[ERROR\]/.test(r.err)) e.maximumPrefix = true;
    else continue;
    scoped++;
  }
  console.log(`mariadb: maximum- prefix read for ${scoped} numeric options`);

  // ---- 3. plugins ----
  const pluginDir = parsed.vars.get('plugin_dir');
  if (!noPlugins && pluginDir && existsSync(pluginDir)) {
    for (const lib of readdirSync(pluginDir).filter((f) => f.endsWith('.so')).sort()) {
      const r = help([`--plugin-load-add=${lib}`]);
      if (r.status !== 0) continue;
      const p = parseHelp(r.out);
      const plugin = lib.replace(/\.so$/, '');
      let n = 0;
      for (const [k, o] of p.opts) {
        if (entries.has(k)) continue;
        const e = toEntry(k, o, p.vars.get(k));
        e.plugin = plugin;
        entries.set(k, e);
        n++;
      }
      if (n) console.log(`mariadb: plugin ${plugin}: ${n} options`);
    }
  }

  // ---- 4. compatibility names ----
  const mysqlFile = join(root, 'data/reference/mycnf-options/mysql.json');
  const candidates = new Set();
  if (existsSync(mysqlFile)) for (const r of JSON.parse(readFileSync(mysqlFile, 'utf8')).options) candidates.add(r.name);
  for (const n of extraCandidates()) candidates.add(n);
  // and every name another MariaDB version's table has (what this version dropped, or has not yet)
  const dataDir = join(root, 'data/reference/mycnf-options');
  for (const f of readdirSync(dataDir).filter((f) => /^mariadb-.*\.json$/.test(f))) {
    for (const r of JSON.parse(readFileSync(join(dataDir, f), 'utf8')).options) if (!r.plugin) candidates.add(r.name);
  }
  const unknownHere = [...candidates].filter((n) => !entries.has(canon(n)));
  const status = new Map();
  let rest = unknownHere;
  for (let round = 0; rest.length && round < 50; round++) {
    const r = withFile(rest.map((n) => `loose-${n}=1`));
    const failed = [...failingOptions(r.err)].filter((n) => rest.includes(n));
    if (failed.length) {
      for (const n of failed) status.set(n, 'accepted'); // a real option reached by prefix, whose value 1 was refused
      rest = rest.filter((n) => !failed.includes(n));
      continue;
    }
    for (const n of rest) {
      const dashed = n.replace(/_/g, '-');
      if (r.err.includes(`unknown variable 'loose-${n}=1'`) || r.err.includes(`unknown option '--loose-${n}'`)) status.set(n, 'unknown');
      else if (r.err.includes(`'${dashed}' was removed`)) status.set(n, 'removed');
      else if (r.err.includes(`'${dashed}' is MySQL`)) status.set(n, 'mysql-compat');
      else status.set(n, 'accepted');
    }
    rest = [];
  }
  let removed = 0;
  let compat = 0;
  for (const [n, s] of status) {
    if (s === 'removed' || s === 'mysql-compat') {
      entries.set(canon(n), { name: canon(n), type: 'string', compat: s });
      s === 'removed' ? removed++ : compat++;
    }
  }
  console.log(`mariadb: ${unknownHere.length} MySQL names probed: ${removed} removed-but-accepted, ${compat} MySQL-compatibility, ${[...status.values()].filter((s) => s === 'unknown').length} unknown`);
}

function extraCandidates() {
  // Names removed from MariaDB over the years that old files still carry (tested against the server, not assumed).
  return [
    'innodb_file_format', 'innodb_file_format_check', 'innodb_file_format_max', 'innodb_large_prefix', 'innodb_log_files_in_group',
    'innodb_locks_unsafe_for_binlog', 'innodb_support_xa', 'innodb_checksums', 'innodb_use_trim', 'innodb_use_mtflush', 'innodb_mtflush_threads',
    'innodb_page_cleaners', 'innodb_undo_logs', 'innodb_buffer_pool_instances', 'innodb_log_checksums', 'innodb_log_compressed_pages',
    'innodb_log_optimize_ddl', 'innodb_rollback_segments', 'innodb_stats_sample_pages', 'innodb_thread_concurrency', 'innodb_commit_concurrency',
    'innodb_concurrency_tickets', 'innodb_replication_delay', 'innodb_thread_sleep_delay', 'innodb_adaptive_max_sleep_delay',
    'innodb_background_scrub_data_uncompressed', 'innodb_background_scrub_data_compressed', 'innodb_background_scrub_data_interval',
    'innodb_background_scrub_data_check_interval', 'innodb_scrub_log', 'innodb_scrub_log_speed', 'innodb_idle_flush_pct',
    'innodb_prefix_index_cluster_optimization', 'innodb_defragment', 'innodb_change_buffering', 'innodb_change_buffer_max_size',
    'innodb_force_load_corrupted', 'innodb_version', 'innodb_sync_array_size', 'innodb_disallow_writes', 'innodb_log_write_ahead_size',
    'innodb_lock_schedule_algorithm', 'innodb_lru_flush_size', 'max_long_data_size', // found by probing every option-like string of mariadbd 10.11's binary
    'thread_concurrency', 'timed_mutexes', 'log_slow_queries', 'table_cache', 'skip_locking', 'skip_bdb', 'log_warnings', 'tx_isolation',
    'tx_read_only', 'storage_engine', 'max_tmp_tables', 'multi_range_count', 'secure_auth', 'old_passwords', 'have_innodb',
    'innodb_additional_mem_pool_size', 'innodb_use_sys_malloc', 'engine_condition_pushdown', 'record_buffer', 'log_long_format',
  ];
}

// ---- output ----
const outArg = arg('--out', `data/reference/mycnf-options/mariadb-${parsed.version.split('.').slice(0, 2).join('.')}.json`);
const out = isAbsolute(outArg) ? outArg : join(root, outArg); // an absolute --out is taken as it is
const sorted = [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const body = {
  meta: {
    server: parsed.version,
    command: 'mariadbd --no-defaults --help --verbose (+ range, plugin and compatibility probes)',
    groups: parsed.groups,
    note: 'Generated by scripts/mycnf/regenerate-mariadb.mjs; do not edit by hand (corrections go in overrides.yaml). hostDependent: the default printed depended on the machine.',
  },
  options: sorted,
};
// One option per line: small diffs when the server changes.
writeFileSync(out, '{\n"meta": ' + JSON.stringify(body.meta) + ',\n"options": [\n' + sorted.map((e) => JSON.stringify(e)).join(',\n') + '\n]}\n');
console.log(`mariadb: wrote ${sorted.length} options to ${out}`);

// npm run bench:mycnf — lint time of a generated 1,000-line option file (and a 10,000-line one), hover and
// completion on it, median of several runs, with the engine bundle (dist/engine.js).
// The file mixes what real files hold: several groups, comments, sizes with suffixes, booleans, enums, renamed and
// unknown options, duplicates, a MariaDB group and client groups, so that most rules have work to do.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dg = require(join(root, 'dist/engine.js'));
const RUNS = Number(process.env.BENCH_RUNS || 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const SAMPLES = [
  'innodb_buffer_pool_size = 8G',
  'innodb_redo_log_capacity = 2G',
  'max_connections = 500',
  'binlog_format = ROW',
  'sync_binlog = 1',
  'innodb_flush_log_at_trx_commit = 1',
  'log_slave_updates = ON',
  'slave_parallel_workers = 4',
  'replica_preserve_commit_order = ON',
  'gtid_mode = ON',
  'enforce_gtid_consistency = ON',
  'skip-name-resolve',
  'character_set_server = utf8mb4',
  'sql_mode = STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION',
  'innodb_bufer_pool_size = 1G',
  'tmp_table_size = 64M',
  'max_heap_table_size = 64M',
  'long_query_time = 0.5',
  'slow_query_log = yes',
  'log_error = /var/log/mysql/error.log # where errors go',
  'loose-rpl_semi_sync_source_timeout = 10000',
  'innodb_log_file_size = 512M',
  'key_buffer_size = 16M',
  'wait_timeout = 600',
];

// every finding listed (the engine lists at most 1,000 per rule and file, and this file has about 9,000 duplicates):
// the benchmark measures the whole work
const FULL = { maxFindingsPerRule: Infinity };

function generate(lines) {
  const out = ['# devops-guidance target=mysql-8.4', '[mysqld]'];
  let i = 0;
  while (out.length < lines) {
    const n = out.length;
    if (n % 97 === 0) out.push('', `[${['mysqld', 'client', 'mysqldump', 'mariadb', 'mysqld-8.4'][i % 5]}]`);
    else if (n % 13 === 0) out.push(`# comment ${n}: tuning notes for the next line`);
    else out.push(SAMPLES[i++ % SAMPLES.length]);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

// The peer measured in the same run: the `ini` package (npm's own INI reader) parsing the same text. It only splits
// sections and keys, so the ratio says what linting costs over reading the file at all, on this machine, now.
let ini;
try {
  ini = require('ini');
} catch {
  ini = undefined;
}

/**
 * A second file of the same length that reads like a real one: every option once, with a value of its type, in
 * [mysqld] (and a [client] group), comments between sections, so that few rules find anything. The first file is
 * the worst case (a finding on nearly every line); this one is the everyday case.
 */
function generateRealistic(lines) {
  const all = JSON.parse(require('node:fs').readFileSync(join(root, 'dist/mysql-options.json'), 'utf8'));
  const idx = all.targets.findIndex((t) => t.target === 'mysql-8.4');
  const names = [];
  for (const r of all.options) {
    const d = r.t[idx];
    if (d === undefined) continue;
    const o = { ...r.b, ...(d || {}) };
    if (o.removed !== undefined || o.deprecated || !o.optionFile || o.plugin || o.type === 'none' || o.platform) continue;
    if (o.default === undefined || o.default === null || o.default === '') continue;
    const v = o.type === 'boolean' ? (o.default ? 'ON' : 'OFF') : String(o.default);
    if (/\s/.test(v)) continue;
    names.push(`${r.n} = ${v}`);
  }
  const out = ['# devops-guidance target=mysql-8.4', '[mysqld]'];
  let i = 0;
  while (out.length < lines) {
    if (out.length % 50 === 0) {
      out.push('', `# section ${out.length}: what the next settings are for`);
      continue;
    }
    out.push(names[i % names.length]);
    i++;
    // every option once per group: the next instance of a mysqld_multi file takes the list again
    if (i % names.length === 0) out.push('[client]', 'port = 3306', 'socket = /run/mysqld/mysqld.sock', `[mysqld${i / names.length + 1}]`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

await dg.ready('mycnf');
const config = dg.mergeConfig(dg.defaultConfig(), {});
for (const [lines, kind] of [[1000, 'worst'], [1000, 'everyday'], [10000, 'worst']]) {
  const text = kind === 'worst' ? generate(lines) : generateRealistic(lines);
  const times = [];
  const cpu = [];
  let findings = [];
  for (let k = 0; k < RUNS + 2; k++) {
    const c = process.cpuUsage();
    const t = performance.now();
    findings = dg.lint(text, 'mycnf', config, FULL);
    if (k >= 2) {
      times.push(performance.now() - t); // the first runs load the option reference and warm up
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
  }
  // On a shared machine the wall time above includes the time other processes held the CPU; the process's CPU time
  // (all its threads: the compiler and the garbage collector too) and the fastest run once the code is optimized
  // (runs RUNS+2 .. 2*RUNS+2) say what the lint itself costs.
  const warm = [];
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    dg.lint(text, 'mycnf', config, FULL);
    warm.push(performance.now() - t);
  }
  const byCode = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  let peer = '';
  if (ini) {
    const pt = [];
    for (let k = 0; k < RUNS + 2; k++) {
      const t = performance.now();
      ini.parse(text);
      if (k >= 2) pt.push(performance.now() - t);
    }
    peer = `; peer ini.parse ${median(pt).toFixed(2)} ms, ratio ${(median(times) / median(pt)).toFixed(1)}`;
  }
  console.log(`mycnf lint, ${lines} lines, ${kind === 'worst' ? 'a finding on nearly every line' : 'every option once, few findings'} (${(text.length / 1024).toFixed(0)} KiB): median ${median(times).toFixed(1)} ms, ${findings.length} findings (${Object.keys(byCode).length} codes)${peer}; target < ${lines === 1000 ? 10 : 60} ms`);
  console.log(`  same runs, CPU time of the process: median ${median(cpu).toFixed(1)} ms; warmed up (next ${RUNS} runs): median ${median(warm).toFixed(1)} ms, fastest ${Math.min(...warm).toFixed(1)} ms`);
  if (lines === 1000 && kind === 'worst') {
    const hov = [];
    const comp = [];
    for (let k = 0; k < RUNS; k++) {
      let t = performance.now();
      dg.hoverAt(text, 'mycnf', { line: 500, character: 3 }, config);
      hov.push(performance.now() - t);
      t = performance.now();
      dg.completionsAt(text, 'mycnf', { line: 2, character: 3 }, config);
      comp.push(performance.now() - t);
    }
    console.log(`mycnf hover on the 1000-line file: median ${median(hov).toFixed(1)} ms; completion: median ${median(comp).toFixed(1)} ms`);
  }
}

// The option files bench/mycnf.mjs lints, generated, shared with scripts/mycnf-findings.mjs (the proof that a speed
// change changes no finding) so that both always see the same text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

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

export function generate(lines) {
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

/**
 * A second file of the same length that reads like a real one: every option once, with a value of its type, in
 * [mysqld] (and a [client] group), comments between sections, so that few rules find anything. The first file is
 * the worst case (a finding on nearly every line); this one is the everyday case.
 */
export function generateRealistic(lines) {
  const all = JSON.parse(readFileSync(join(root, 'dist/mysql-options.json'), 'utf8'));
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


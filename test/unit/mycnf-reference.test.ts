/**
 * The option reference (dist/mysql-options.json via src/core/mycnf/reference.ts): lookups, renames, removals,
 * per-target defaults, and sanity checks over every entry that catch junk in the source tables.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../helpers/setup';
import { MYSQL_TARGETS, type MysqlTarget } from '../../src/core/index';
import { optionReference, canonicalOptionName, targetsKnowing, resetOptionReferenceCache } from '../../src/core/mycnf/reference';
import type { OptionInfo } from '../../src/core/mycnf/options';

const ref = (t: MysqlTarget) => optionReference(t);
const get = (t: MysqlTarget, n: string): OptionInfo => {
  const i = ref(t).lookup(n);
  assert.ok(i, `${n} should be known on ${t}`);
  return i;
};

const RENAMES_25: [string, string][] = [
  ['init_slave', 'init_replica'],
  ['log_slave_updates', 'log_replica_updates'],
  ['log_slow_slave_statements', 'log_slow_replica_statements'],
  ['master_verify_checksum', 'source_verify_checksum'],
  ['pseudo_slave_mode', 'pseudo_replica_mode'],
  ['rpl_stop_slave_timeout', 'rpl_stop_replica_timeout'],
  ['skip_slave_start', 'skip_replica_start'],
  ['slave_allow_batching', 'replica_allow_batching'],
  ['slave_checkpoint_group', 'replica_checkpoint_group'],
  ['slave_checkpoint_period', 'replica_checkpoint_period'],
  ['slave_compressed_protocol', 'replica_compressed_protocol'],
  ['slave_exec_mode', 'replica_exec_mode'],
  ['slave_load_tmpdir', 'replica_load_tmpdir'],
  ['slave_max_allowed_packet', 'replica_max_allowed_packet'],
  ['slave_net_timeout', 'replica_net_timeout'],
  ['slave_parallel_type', 'replica_parallel_type'],
  ['slave_parallel_workers', 'replica_parallel_workers'],
  ['slave_pending_jobs_size_max', 'replica_pending_jobs_size_max'],
  ['slave_preserve_commit_order', 'replica_preserve_commit_order'],
  ['slave_skip_errors', 'replica_skip_errors'],
  ['slave_sql_verify_checksum', 'replica_sql_verify_checksum'],
  ['slave_transaction_retries', 'replica_transaction_retries'],
  ['slave_type_conversions', 'replica_type_conversions'],
  ['sql_slave_skip_counter', 'sql_replica_skip_counter'],
  ['sync_master_info', 'sync_source_info'],
];

describe('mycnf option reference', () => {
  it('loads every target lazily and fast, from a compact asset', () => {
    resetOptionReferenceCache();
    const size = statSync(join(DIST, 'mysql-options.json')).size;
    const t0 = performance.now();
    for (const t of MYSQL_TARGETS) assert.ok(ref(t).all().length > 700, `${t} has a full table`);
    const ms = performance.now() - t0;
    console.log(`      mysql-options.json ${(size / 1024).toFixed(0)} KiB; all 5 targets built in ${ms.toFixed(0)} ms`);
    assert.ok(size < 1024 * 1024, 'asset under 1 MiB');
    assert.ok(ms < 5000, 'building every target takes well under a second on an idle machine (5 s allowed under load)');
    // cached: the same object, and lookups are map hits
    assert.equal(ref('mysql-8.0'), ref('mysql-8.0'));
    const t1 = performance.now();
    for (let k = 0; k < 100_000; k++) ref('mysql-8.0').lookup('Innodb-Buffer-Pool-Size');
    const lookupMs = performance.now() - t1;
    console.log(`      100k lookups in ${lookupMs.toFixed(0)} ms`);
    assert.ok(lookupMs < 3000, '100k lookups take a few tens of ms on an idle machine (3 s allowed under load)');
  });

  it('normalises names: dashes equal underscores, case ignored', () => {
    assert.equal(canonicalOptionName(' Innodb-Log-File-Size '), 'innodb_log_file_size');
    for (const n of ['innodb_buffer_pool_size', 'innodb-buffer-pool-size', 'INNODB_BUFFER_POOL_SIZE', 'Innodb-Buffer_Pool-size']) {
      assert.equal(ref('mysql-8.0').lookup(n)?.name, 'innodb_buffer_pool_size');
    }
    assert.equal(ref('mysql-8.0').lookup('no_such_option_at_all'), undefined);
  });

  it('knows the 25 master/slave -> source/replica renames with 8.0.26 and their absence on 5.7 and MariaDB', () => {
    for (const [oldName, newName] of RENAMES_25) {
      for (const t of ['mysql-8.0', 'mysql-8.4'] as const) {
        const o = get(t, oldName);
        assert.equal(o.replacement, newName, `${t} ${oldName} -> ${newName}`);
        assert.ok(o.deprecated, `${t} ${oldName} deprecated`);
        assert.equal(o.removed, undefined, `${t} ${oldName} still accepted`);
        assert.equal(get(t, newName).removed, undefined);
      }
      assert.equal(get('mysql-8.0', newName).introduced, '8.0.26', newName);
      assert.equal(ref('mysql-5.7').lookup(newName), undefined, `${newName} is not a 5.7 option`);
      assert.equal(ref('mysql-5.7').lookup(oldName)?.replacement, undefined, `5.7 has no replacement for ${oldName}`);
    }
    assert.equal(get('mysql-8.0', 'log_slave_updates').deprecated, '8.0.26');
    assert.equal(get('mysql-8.0', 'slave_compressed_protocol').deprecated, '8.0.18'); // deprecated before the rename
    // MariaDB keeps the slave names and has no replica_* variables of MySQL's kind
    assert.ok(get('mariadb-10.11', 'log_slave_updates'));
    assert.equal(ref('mariadb-10.11').lookup('log_replica_updates'), undefined);
  });

  it('knows the semisync renames and their plugins', () => {
    const src = get('mysql-8.0', 'rpl_semi_sync_master_enabled');
    assert.equal(src.replacement, 'rpl_semi_sync_source_enabled');
    assert.equal(src.plugin, 'semisync_master');
    assert.equal(get('mysql-8.0', 'rpl_semi_sync_source_enabled').plugin, 'semisync_source');
    assert.equal(get('mysql-8.4', 'rpl_semi_sync_replica_enabled').plugin, 'semisync_replica');
    assert.equal(get('mysql-8.0', 'rpl_semi_sync_master_wait_for_slave_count').replacement, 'rpl_semi_sync_source_wait_for_replica_count');
    assert.equal(get('mysql-8.0', 'group_replication_group_name').plugin, 'group_replication');
    // MariaDB: semisync is built into the server, no plugin to load
    assert.equal(get('mariadb-10.11', 'rpl_semi_sync_master_enabled').plugin, undefined);
    assert.equal(get('mariadb-10.11', 'server_audit_logging').plugin, 'server_audit');
  });

  it('knows the redo log change of 8.0.30', () => {
    const cap = get('mysql-8.0', 'innodb_redo_log_capacity');
    assert.equal(cap.introduced, '8.0.30');
    assert.equal(cap.default, 104857600);
    assert.equal(cap.type, 'size');
    for (const n of ['innodb_log_file_size', 'innodb_log_files_in_group']) {
      for (const t of ['mysql-8.0', 'mysql-8.4'] as const) {
        const i = get(t, n);
        assert.equal(i.deprecated, '8.0.30', `${t} ${n}`);
        assert.equal(i.replacement, 'innodb_redo_log_capacity', `${t} ${n}`);
        assert.equal(i.removed, undefined);
      }
    }
    assert.equal(ref('mysql-5.7').lookup('innodb_redo_log_capacity'), undefined);
    assert.equal(get('mysql-5.7', 'innodb_log_file_size').replacement, undefined);
  });

  it('keeps removed options with the version that removed them', () => {
    const qc = get('mysql-8.0', 'query_cache_size');
    assert.equal(qc.removed, '8.0.3');
    assert.equal(get('mysql-5.7', 'query_cache_size').removed, undefined, 'the query cache exists in 5.7');
    assert.equal(get('mysql-5.7', 'query_cache_size').deprecated, '5.7.20');
    assert.equal(get('mysql-8.0', 'tx_isolation').replacement, 'transaction_isolation');
    const eld = get('mysql-8.4', 'expire_logs_days');
    assert.equal(eld.removed, '8.2.0');
    assert.equal(eld.replacement, 'binlog_expire_logs_seconds');
    assert.equal(get('mysql-8.0', 'expire_logs_days').removed, undefined, 'still in 8.0 (deprecated)');
    assert.equal(get('mysql-8.4', 'default_authentication_plugin').removed, '8.4.0');
    assert.equal(get('mysql-8.4', 'master_info_repository').removed, '8.3.0');
    assert.equal(get('mysql-8.4', 'binlog_transaction_dependency_tracking').removed, '8.4.0');
    assert.equal(get('mysql-8.4', 'authentication_policy').removed, undefined);
    // 8.4 enables mysql_native_password only when asked
    const mnp = get('mysql-8.4', 'mysql_native_password');
    assert.equal(mnp.optionFile, true);
    assert.equal(mnp.default, 'OFF');
    assert.equal(ref('mysql-8.0').lookup('mysql_native_password'), undefined);
  });

  it('marks what MariaDB removed but still accepts (verified against mariadbd 10.11)', () => {
    for (const n of ['innodb_file_format', 'innodb_large_prefix', 'innodb_log_files_in_group', 'master_info_repository', 'default_authentication_plugin']) {
      const i = get('mariadb-10.11', n);
      assert.equal(i.removed, '', n);
      assert.equal(i.stillAccepted, true, n);
    }
    // MySQL-only names the server refuses are simply unknown
    for (const n of ['gtid_mode', 'enforce_gtid_consistency', 'log_replica_updates', 'tx_isolation', 'innodb_redo_log_capacity']) {
      assert.equal(ref('mariadb-10.11').lookup(n), undefined, n);
    }
    // MariaDB-only names are unknown to MySQL
    for (const n of ['gtid_strict_mode', 'gtid_domain_id', 'slave_parallel_threads', 'wsrep_on', 'aria_pagecache_buffer_size']) {
      assert.ok(get('mariadb-10.11', n));
      assert.equal(ref('mysql-8.0').lookup(n), undefined, n);
    }
    assert.deepEqual(targetsKnowing('gtid_strict_mode', 'mysql-8.0'), ['mariadb-10.6', 'mariadb-10.11', 'mariadb-11.4', 'mariadb-11.8']);
  });

  it('places MariaDB 11.4 between the 10.11 and 11.8 servers', () => {
    const r = ref('mariadb-11.4');
    // in both servers: on 11.4
    assert.equal(r.lookup('max_connections')?.removed, undefined);
    assert.equal(r.lookup('max_connections')?.confidence, 'inferred');
    // added in 11.x (the 11.0 cost model): known on 11.4, unknown on 10.11
    assert.ok(r.lookup('optimizer_where_cost'));
    assert.equal(ref('mariadb-10.11').lookup('optimizer_where_cost'), undefined);
    // gone by 11.8 and not accepted there: removed at a version we cannot see, not claimed as accepted
    const cbm = r.lookup('innodb_change_buffer_max_size');
    assert.equal(cbm?.removed, '');
    assert.notEqual(cbm?.stillAccepted, true);
    // removed in 11.x and still accepted as a no-op by 11.8
    assert.equal(r.lookup('innodb_defragment')?.stillAccepted, true);
    assert.equal(ref('mariadb-10.11').lookup('innodb_defragment')?.removed, undefined);
    // a default the two servers disagree on is left unknown rather than guessed
    assert.equal(r.lookup('character_set_server')?.default, undefined);
    // MySQL-only names stay unknown
    assert.equal(r.lookup('gtid_mode'), undefined);
  });

  it('has the right defaults per target', () => {
    const d = (t: MysqlTarget, n: string) => get(t, n).default;
    assert.equal(d('mysql-5.7', 'character_set_server'), 'latin1');
    assert.equal(d('mysql-8.0', 'character_set_server'), 'utf8mb4');
    assert.equal(d('mysql-5.7', 'innodb_autoinc_lock_mode'), 1);
    assert.equal(d('mysql-8.0', 'innodb_autoinc_lock_mode'), 2);
    assert.equal(d('mysql-8.0', 'innodb_adaptive_hash_index'), true);
    assert.equal(d('mysql-8.4', 'innodb_adaptive_hash_index'), false);
    assert.equal(d('mysql-8.0', 'innodb_log_buffer_size'), 16777216);
    assert.equal(d('mysql-8.4', 'innodb_log_buffer_size'), 67108864);
    assert.equal(d('mysql-8.4', 'innodb_change_buffering'), 'none');
    assert.equal(d('mysql-8.0', 'binlog_format'), 'ROW');
    assert.equal(d('mariadb-10.11', 'binlog_format'), 'MIXED');
    assert.equal(d('mariadb-10.11', 'innodb_log_file_size'), 100663296);
    assert.equal(d('mysql-8.0', 'sync_binlog'), 1);
    assert.equal(d('mariadb-10.11', 'sync_binlog'), 0);
    assert.equal(d('mysql-8.0', 'server_id'), 1);
    assert.equal(d('mysql-5.7', 'server_id'), 0);
  });

  it('reads ranges the MariaDB server itself reports', () => {
    const mc = get('mariadb-10.11', 'max_connections');
    assert.deepEqual([mc.min, mc.max], [10, 100000]);
    const ft = get('mariadb-10.11', 'innodb_flush_log_at_trx_commit');
    assert.deepEqual([ft.min, ft.max], [0, 3]);
    assert.equal(get('mariadb-10.11', 'innodb_buffer_pool_size').min, 2097152);
    assert.equal(get('mariadb-10.11', 'long_query_time').type, 'numeric');
    assert.equal(get('mariadb-10.11', 'max_connections').requiresValue, true);
    assert.equal(get('mariadb-10.11', 'log_bin').requiresValue, false);
    // maximum-X: refused for a global-only variable, taken for a session one (as the server does it)
    assert.equal(get('mariadb-10.11', 'max_connections').maximumPrefix, false);
    assert.equal(get('mariadb-10.11', 'sort_buffer_size').maximumPrefix, true);
  });

  it('types what option files take: log-bin takes an optional name, switches take none', () => {
    for (const t of ['mysql-8.0', 'mysql-8.4'] as const) {
      const lb = get(t, 'log-bin');
      assert.equal(lb.type, 'filename');
      assert.equal(lb.requiresValue, false);
      assert.equal(get(t, 'skip-log-bin').type, 'none');
      assert.equal(get(t, 'disable_log_bin').type, 'none');
    }
    for (const t of MYSQL_TARGETS) {
      for (const n of ['replicate-do-db', 'replicate_wild_ignore_table', 'binlog-do-db', 'plugin-load-add']) assert.equal(get(t, n).multiValued, true, `${t} ${n}`);
      assert.notEqual(get(t, 'plugin_load').multiValued, true);
      assert.equal(get(t, 'server_id').multiValued, undefined);
    }
  });

  it('carries our own one-line summaries', () => {
    for (const t of MYSQL_TARGETS) assert.match(get(t, 'innodb_buffer_pool_size').summary ?? '', /buffer|cache/i, t);
    assert.match(get('mysql-8.0', 'relay_log_recovery').summary ?? '', /crash/);
    for (const t of MYSQL_TARGETS) for (const i of ref(t).all()) if (i.summary) assert.ok(i.summary.length <= 160 && !i.summary.includes('\n'), `${t} ${i.name}`);
  });

  it('links each option to the manual of its target', () => {
    assert.equal(get('mysql-8.0', 'innodb_log_file_size').docs, 'https://dev.mysql.com/doc/refman/8.0/en/innodb-parameters.html#sysvar_innodb_log_file_size');
    assert.equal(get('mysql-8.4', 'innodb_log_file_size').docs, 'https://dev.mysql.com/doc/refman/8.4/en/innodb-parameters.html#sysvar_innodb_log_file_size');
    assert.equal(get('mysql-5.7', 'innodb_log_file_size').docs, 'https://dev.mysql.com/doc/refman/5.7/en/innodb-parameters.html#sysvar_innodb_log_file_size');
    assert.equal(get('mariadb-10.11', 'innodb_log_file_size').docs, 'https://mariadb.com/kb/en/innodb-system-variables/#innodb_log_file_size');
    assert.equal(get('mariadb-10.11', 'max_connections').docs, 'https://mariadb.com/kb/en/server-system-variables/#max_connections');
  });

  describe('sanity of every entry (catches junk in the source tables)', () => {
    for (const t of MYSQL_TARGETS) {
      it(t, () => {
        const bad: string[] = [];
        const r = ref(t);
        const names = new Set<string>();
        for (const i of r.all()) {
          const w = `${t} ${i.name}`;
          if (names.has(i.name)) bad.push(`${w}: listed twice`);
          names.add(i.name);
          if (!/^[a-z][a-z0-9_.]*$/.test(i.name)) bad.push(`${w}: not a canonical name`);
          if (r.lookup(i.name) !== i) bad.push(`${w}: lookup does not return the entry`);
          const series = t.slice(t.indexOf('-') + 1);
          const docBases = t.startsWith('mariadb') ? ['https://mariadb.com/kb/en/'] : [`https://dev.mysql.com/doc/refman/${series}/en/`, ...(t.startsWith('pxc') ? [`https://docs.percona.com/percona-xtradb-cluster/${series}/`] : [])];
          if (i.docs && !docBases.some((b) => i.docs!.startsWith(b))) bad.push(`${w}: docs ${i.docs}`);
          if (i.stillAccepted && i.removed === undefined) bad.push(`${w}: stillAccepted without removed`);
          if (i.removed !== undefined) continue;
          const d = i.default;
          const numeric = i.type === 'integer' || i.type === 'size' || i.type === 'numeric';
          if (d !== undefined && d !== null) {
            if (i.type === 'boolean' && typeof d !== 'boolean') bad.push(`${w}: boolean default ${d}`);
            if (numeric && typeof d !== 'number') bad.push(`${w}: numeric default ${d}`);
            if (i.type === 'enum' && i.values && !i.values.some((v) => v.toLowerCase() === String(d).toLowerCase())) bad.push(`${w}: enum default ${d} not allowed`);
            if (typeof d === 'number' && i.min !== undefined && d < i.min && !i.defaultVaries) bad.push(`${w}: default below min`);
            if (typeof d === 'number' && i.max !== undefined && d > i.max && !i.defaultVaries) bad.push(`${w}: default above max`);
          }
          if ((i.min !== undefined || i.max !== undefined || i.blockSize !== undefined) && !numeric) bad.push(`${w}: range on ${i.type}`);
          if (i.min !== undefined && i.max !== undefined && i.min > i.max) bad.push(`${w}: min > max`);
          if (i.values && i.type !== 'enum' && i.type !== 'set') bad.push(`${w}: values on ${i.type}`);
          if ((i.type === 'enum' || i.type === 'set') && i.values && new Set(i.values.map((v) => v.toLowerCase())).size !== i.values.length) bad.push(`${w}: duplicate values`);
          if (i.replacement) {
            const rep = r.lookup(i.replacement);
            if (!rep) bad.push(`${w}: replacement ${i.replacement} missing on ${t}`);
            else if (rep.removed !== undefined) bad.push(`${w}: replacement ${i.replacement} removed on ${t}`);
          }
          if (i.type === 'none' && d !== undefined && d !== null) bad.push(`${w}: a switch with a default`);
        }
        assert.deepEqual(bad, []);
      });
    }
    it('versions belong to the target', () => {
      const bad: string[] = [];
      for (const t of MYSQL_TARGETS) {
        const series = t.startsWith('mysql-5.7') ? ['5.', '4.', '3.'] : t.endsWith('-8.0') ? ['5.', '8.0'] : !t.startsWith('mariadb') ? ['5.', '8.'] : ['5.', '10.', '11.'];
        for (const i of ref(t).all()) {
          for (const k of ['introduced', 'deprecated', 'removed'] as const) {
            const v = i[k];
            if (v && !series.some((s) => v.startsWith(s))) bad.push(`${t} ${i.name}: ${k} ${v}`);
          }
          if (i.removed && i.deprecated && i.removed.localeCompare(i.deprecated, undefined, { numeric: true }) < 0) bad.push(`${t} ${i.name}: removed before deprecated`);
        }
      }
      assert.deepEqual(bad, []);
    });
    it('the source tables carry no vendor descriptions', () => {
      for (const f of ['mysql.json', 'mariadb-10.11.json']) {
        const text = readFileSync(join(DIST, '..', 'data/reference/mycnf-options', f), 'utf8');
        assert.ok(!/"description"/.test(text), `${f} has descriptions`);
      }
    });
  });
});

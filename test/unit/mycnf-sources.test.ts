/**
 * The option tables (dist/mysql-options.json) against the sources they were generated from, as committed in
 * data/reference/mycnf-options/: MySQL 5.7.18's own help table and 5.7.37's plugin variables (sources/), the MySQL
 * 8.0 import (mysql.json), the
 * MariaDB servers read directly (mariadb-10.11.json, mariadb-11.8.json) and the hand-kept facts with their sources
 * (overrides.yaml). No network: the extracts are in the repository.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../helpers/setup';
import type { MysqlTarget } from '../../src/core/index';
import { optionReference } from '../../src/core/mycnf/reference';

const DATA = join(ROOT, 'data/reference/mycnf-options');
const ref = (t: MysqlTarget) => optionReference(t);
const overrides = parseYaml(readFileSync(join(DATA, 'overrides.yaml'), 'utf8')) as {
  mysql84: { removed: Record<string, string> };
  mysql57: { defaults: Record<string, unknown>; absent: string[]; mtrOverridden: string[]; deprecated: Record<string, string> };
  patches: Record<string, Record<string, Record<string, unknown>>>;
  add: Record<string, Record<string, Record<string, unknown>>>;
};

function helpTable(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(join(DATA, 'sources', file), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const sp = line.indexOf(' ');
    out.set(line.slice(0, sp).replace(/-/g, '_'), line.slice(sp + 1));
  }
  return out;
}

/** A help-table value as the table stores it, or undefined when it is no comparable value. */
function asValue(raw: string, type: string): unknown {
  if (raw === '(No default value)' || raw === '####' || raw.startsWith('MYSQL_')) return undefined;
  if (type === 'boolean') return raw === 'TRUE' ? true : raw === 'FALSE' ? false : undefined;
  if (type === 'enum' && (raw === 'TRUE' || raw === 'FALSE')) return raw === 'TRUE' ? 'ON' : 'OFF'; // the help prints OFF/ON enums as booleans
  if (type === 'integer' || type === 'size' || type === 'numeric') return /^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : undefined;
  return raw;
}

describe('mycnf option tables against their sources', () => {
  describe('MySQL 5.7 against 5.7.18\'s own mysqld --help table', () => {
    const help = helpTable('mysql-5.7.18-help-variables.txt');
    const skip = new Set(overrides.mysql57.mtrOverridden);
    it('the extract is whole (345 rows as recorded)', () => {
      assert.ok(help.size >= 330, `${help.size} rows`);
      assert.equal(help.get('query_cache_type'), 'OFF');
      assert.equal(help.get('sql_mode'), 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION');
    });
    it('knows every option of the help table', () => {
      const missing = [...help.keys()].filter((n) => !skip.has(n) && !ref('mysql-5.7').lookup(n));
      assert.deepEqual(missing, []);
    });
    it('has the help table\'s defaults (except values mysql-test-run sets and hand-kept 5.7 facts)', () => {
      const wrong: string[] = [];
      for (const [n, raw] of help) {
        // hand-kept 5.7 facts (later 5.7 releases changed a few defaults, e.g. disable_partition_engine_check) win
        const hand = (x: Record<string, Record<string, unknown>> | undefined) => x?.['mysql-5.7']?.default !== undefined || x?.mysql?.default !== undefined;
        if (skip.has(n) || n in overrides.mysql57.defaults || hand(overrides.patches[n]) || hand(overrides.add[n])) continue;
        const i = ref('mysql-5.7').lookup(n);
        if (!i || i.removed !== undefined) continue;
        const v = asValue(raw, i.type);
        if (v === undefined) continue;
        if (JSON.stringify(v) !== JSON.stringify(i.default)) wrong.push(`${n}: table ${JSON.stringify(i.default)}, help ${JSON.stringify(v)}`);
      }
      assert.deepEqual(wrong, []);
    });
    it('lacks the names that came with 8.0 (redo log rewrite, 8.0-only plugin options)', () => {
      for (const n of overrides.mysql57.absent) assert.equal(ref('mysql-5.7').lookup(n), undefined, n);
      for (const n of ['group_replication_consistency', 'keyring_oci_user', 'keyring_hashicorp_server_url', 'audit_log_max_size', 'innodb_redo_log_capacity', 'binlog_expire_logs_seconds']) {
        assert.equal(ref('mysql-5.7').lookup(n), undefined, n);
      }
      // what 5.7 had from the start or by a late 5.7 release stays
      for (const n of ['group_replication_group_name', 'group_replication_exit_state_action', 'audit_log_file', 'keyring_okv_conf_dir', 'show_create_table_verbosity', 'query_cache_size', 'innodb_file_format']) {
        assert.ok(ref('mysql-5.7').lookup(n), n);
      }
    });
    it('marks the 5.7 deprecations', () => {
      for (const [n, v] of Object.entries(overrides.mysql57.deprecated)) {
        const i = ref('mysql-5.7').lookup(n);
        if (i) assert.equal(i.deprecated, v, n);
      }
      assert.equal(ref('mysql-5.7').lookup('log_warnings')?.replacement, 'log_error_verbosity');
      assert.equal(ref('mysql-5.7').lookup('character_set_server')?.default, 'latin1');
    });
  });

  describe('MySQL 5.7 InnoDB and plugin options against 5.7.37\'s sources', () => {
    const file = readFileSync(join(DATA, 'sources', 'mysql-5.7.37-plugin-variables.txt'), 'utf8');
    const prefixes = [...file.matchAll(/^#\s+\S+ -> (\w+_)$/gm)].map((m) => m[1]);
    const rows = new Map<string, { kind: string; def: string; min: string; max: string; values: string[]; flags: string[] }>();
    for (const line of file.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [name, kind, def, min, max, values, flags] = line.split('\t');
      rows.set(name, { kind, def, min, max, values: values ? values.split('|') : [], flags: flags ? flags.split(',') : [] });
    }
    const help = helpTable('mysql-5.7.18-help-variables.txt');
    const r57 = () => ref('mysql-5.7');
    it('the extract is whole (InnoDB and the community plugins of 5.7.37)', () => {
      assert.ok(rows.size >= 210, `${rows.size} rows`);
      assert.ok(prefixes.includes('innodb_') && prefixes.includes('group_replication_') && prefixes.includes('rpl_semi_sync_master_'));
      assert.equal(rows.get('innodb_buffer_pool_size')?.def, '134217728');
      assert.equal(rows.get('innodb_log_file_size')?.def, '50331648');
      // debug-build-only variables are not in it
      assert.equal(rows.get('innodb_force_recovery_crash'), undefined);
      assert.equal(rows.get('innodb_disable_resize_buffer_pool_debug'), undefined);
    });
    it('knows every variable of the sources, verified, settable unless the source says it is no option', () => {
      const bad: string[] = [];
      for (const [n, row] of rows) {
        const i = r57().lookup(n);
        if (!i) bad.push(`${n}: missing`);
        else if (i.confidence !== 'verified') bad.push(`${n}: ${i.confidence}`);
        else if (i.optionFile === row.flags.includes('no-option')) bad.push(`${n}: optionFile ${i.optionFile}`);
      }
      assert.deepEqual(bad, []);
    });
    it('has no name of a covered prefix that 5.7.37 lacks (8.0-only names are gone), removed names aside', () => {
      const extra = r57()
        .all()
        .filter((i) => prefixes.some((p) => i.name.startsWith(p)) && !rows.has(i.name) && !help.has(i.name) && i.removed === undefined)
        .map((i) => i.name);
      assert.deepEqual(extra, []);
      for (const n of ['group_replication_member_expel_timeout', 'group_replication_flow_control_period', 'mysqlx_wait_timeout', 'innodb_redo_log_capacity', 'innodb_dedicated_server']) {
        assert.equal(r57().lookup(n), undefined, n);
      }
    });
    it('has the sources\' defaults, limits and values', () => {
      const bad: string[] = [];
      for (const [n, row] of rows) {
        const i = r57().lookup(n);
        if (!i || n in overrides.mysql57.defaults || overrides.patches[n]?.['mysql-5.7'] || overrides.patches[n]?.mysql) continue;
        const d = row.def;
        if (d !== '?' && d !== '(null)') {
          let want: unknown = d;
          if (i.type === 'boolean') want = d === 'ON';
          else if (i.type === 'integer' || i.type === 'size' || i.type === 'numeric') want = Number.isSafeInteger(Number(d)) || !Number.isInteger(Number(d)) ? Number(d) : undefined;
          else if (row.kind === 'str' || row.kind === 'set') want = JSON.parse(d);
          const got = typeof want === 'string' && i.type === 'enum' ? String(i.default).toLowerCase() : i.default;
          if (want !== undefined && JSON.stringify(got) !== JSON.stringify(typeof want === 'string' && i.type === 'enum' ? want.toLowerCase() : want)) bad.push(`${n}: default ${JSON.stringify(i.default)}, source ${d}`);
        }
        if (d === '?' && i.default !== undefined) bad.push(`${n}: default ${JSON.stringify(i.default)} claimed, the source computes it`);
        const lo = Number(row.min);
        if (row.min && row.min !== '?' && Number.isSafeInteger(lo) && i.min !== lo) bad.push(`${n}: min ${i.min}, source ${row.min}`);
        if (row.values.length && JSON.stringify(i.values) !== JSON.stringify(row.values)) bad.push(`${n}: values ${i.values}, source ${row.values}`);
      }
      assert.deepEqual(bad, []);
    });
    it('5.7 facts that differ from 8.0', () => {
      assert.equal(r57().lookup('innodb_doublewrite')?.type, 'boolean'); // an enum only since 8.0.30
      assert.equal(r57().lookup('group_replication_transaction_size_limit')?.default, 0); // 150000000 since 8.0.2
      assert.equal(r57().lookup('group_replication_exit_state_action')?.default, 'READ_ONLY');
      assert.equal(r57().lookup('innodb_undo_tablespaces')?.max, 95);
      assert.equal(r57().lookup('innodb_log_buffer_size')?.dynamic, false); // dynamic since 8.0.12
      assert.equal(r57().lookup('innodb_large_prefix')?.default, true);
      assert.equal(r57().lookup('innodb_checksums')?.deprecated, '5.7.9');
      assert.equal(r57().lookup('innodb_undo_tablespaces')?.deprecated, '5.7.21');
      assert.equal(r57().lookup('innodb_data_file_path')?.default, 'ibdata1:12M:autoextend'); // filled at startup
      // enterprise plugins are not in the community sources: still known, still inferred
      assert.equal(r57().lookup('audit_log_file')?.confidence, 'inferred');
    });
  });

  describe('MySQL 8.0 and 8.4 against the 8.0 import and the 8.1-8.4 change lists', () => {
    const rows = (JSON.parse(readFileSync(join(DATA, 'mysql.json'), 'utf8')) as { options: { name: string; in80?: boolean | null; removed?: string; introduced?: string }[] }).options;
    it('8.0 has every 8.0 row of the import', () => {
      const missing = rows.filter((r) => r.in80 && !ref('mysql-8.0').lookup(r.name) && !overrides.patches[r.name]).map((r) => r.name);
      assert.deepEqual(missing, []);
    });
    it('8.4 carries every documented 8.1-8.4 removal with its version', () => {
      for (const [n, v] of Object.entries(overrides.mysql84.removed)) assert.equal(ref('mysql-8.4').lookup(n)?.removed, v, n);
    });
    it('has the facts an independent check found wrong (issue 14)', () => {
      const r84 = ref('mysql-8.4');
      for (const n of ['keyring_file_data', 'keyring_oci_user', 'keyring_oci_tenancy', 'avoid_temporal_upgrade', 'show_old_temporals']) assert.ok(r84.lookup(n)?.removed, n);
      for (const n of ['delayed_insert_limit', 'delayed_insert_timeout', 'delayed_queue_size', 'max_delayed_threads', 'binlog_max_flush_queue_time', 'explicit_defaults_for_timestamp', 'profiling', 'group_replication_view_change_uuid', 'group_replication_allow_local_lower_version_join']) {
        assert.ok(r84.lookup(n)?.deprecated, `${n} deprecated on 8.4`);
      }
      assert.equal(r84.lookup('group_replication_consistency')?.default, 'BEFORE_ON_PRIMARY_FAILOVER');
      assert.equal(r84.lookup('group_replication_exit_state_action')?.default, 'OFFLINE_MODE');
      assert.equal(r84.lookup('tls_version')?.default, 'TLSv1.2,TLSv1.3');
      // 8.4.4's storage/perfschema/pfs_server.h (PFS_MAX_MEMORY_CLASS, PFS_MAX_RWLOCK_CLASS), not 8.0's 450 and 60
      assert.equal(r84.lookup('performance_schema_max_memory_classes')?.default, 470);
      assert.equal(r84.lookup('performance_schema_max_rwlock_classes')?.default, 100);
      assert.equal(r84.lookup('performance_schema_max_mutex_classes')?.default, 350);
      assert.equal(r84.lookup('performance_schema_max_cond_classes')?.default, 150);
      assert.equal(ref('mysql-8.0').lookup('performance_schema_max_memory_classes')?.default, 450);
      assert.equal(ref('mysql-8.0').lookup('performance_schema_max_rwlock_classes')?.default, 60);
      // successors of removed options
      assert.equal(ref('mysql-8.0').lookup('log_warnings')?.replacement, 'log_error_verbosity');
      assert.equal(ref('mysql-8.0').lookup('innodb_undo_logs')?.replacement, 'innodb_rollback_segments');
      assert.equal(ref('mysql-8.0').lookup('log_syslog_facility')?.replacement, 'syseventlog.facility');
      assert.match(ref('mysql-8.0').lookup('log_syslog')?.replacedBy ?? '', /syseventlog/);
      // FILE replication repositories: deprecated in 8.0.23, removed in 8.3.0
      assert.equal(ref('mysql-8.0').lookup('master_info_repository')?.deprecated, '8.0.23');
      assert.equal(r84.lookup('master_info_repository')?.removed, '8.3.0');
      assert.equal(r84.lookup('relay_log_info_repository')?.removed, '8.3.0');
    });
  });

  describe('MariaDB against the servers read directly', () => {
    for (const [file, t] of [['mariadb-10.11.json', 'mariadb-10.11'], ['mariadb-11.8.json', 'mariadb-11.8']] as const) {
      it(`${t} has every option of ${file} with its default and status`, () => {
        const rows = (JSON.parse(readFileSync(join(DATA, file), 'utf8')) as { options: { name: string; default?: unknown; compat?: string; plugin?: string }[] }).options;
        const bad: string[] = [];
        for (const r of rows) {
          const i = ref(t).lookup(r.name);
          if (!i) {
            bad.push(`${r.name}: missing`);
            continue;
          }
          if (r.compat) {
            if (i.removed !== '' || !i.stillAccepted) bad.push(`${r.name}: accepted-and-ignored name not marked so`);
            continue;
          }
          if (overrides.patches[r.name]) continue;
          if (r.default !== undefined && JSON.stringify(r.default) !== JSON.stringify(i.default)) bad.push(`${r.name}: default ${JSON.stringify(i.default)}, server ${JSON.stringify(r.default)}`);
        }
        assert.deepEqual(bad, []);
      });
    }
    it('10.6 and 11.4 are labelled inferred', () => {
      for (const t of ['mariadb-10.6', 'mariadb-11.4'] as const) assert.equal(ref(t).lookup('max_connections')?.confidence, 'inferred', t);
      assert.equal(ref('mariadb-10.11').lookup('max_connections')?.confidence, 'verified');
      assert.equal(ref('mariadb-11.8').lookup('max_connections')?.confidence, 'verified');
    });
    it('retired options 10.11 and 11.8 still read are "has no effect", not unknown', () => {
      for (const t of ['mariadb-10.11', 'mariadb-11.8'] as const) {
        for (const n of ['innodb_lock_schedule_algorithm', 'innodb_lru_flush_size', 'max_long_data_size']) {
          const i = ref(t).lookup(n);
          assert.ok(i && i.removed === '' && i.stillAccepted, `${t} ${n}`);
        }
      }
      assert.equal(ref('mariadb-10.11').lookup('default_authentication_plugin')?.mysqlCompat, true);
    });
  });

  describe('Percona Server and Percona XtraDB Cluster', () => {
    it('are MySQL of the same series; PXC adds Galera options and narrows the SST methods', () => {
      assert.equal(ref('percona-8.4').all().length, ref('mysql-8.4').all().length);
      assert.equal(ref('mysql-8.4').lookup('wsrep_on'), undefined);
      assert.ok(ref('pxc-8.0').lookup('wsrep_cluster_address'));
      assert.deepEqual(ref('pxc-8.0').lookup('wsrep_sst_method')?.values, ['xtrabackup-v2', 'clone']);
      assert.equal(ref('pxc-5.7').lookup('wsrep_sst_method')?.values, undefined);
    });
  });
});

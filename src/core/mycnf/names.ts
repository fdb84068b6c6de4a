/** Name facts the rules share: renamed aliases, repeatable options, client-only and fork-only options. */

/**
 * MySQL 8.0.26+ terminology renames (the old names are deprecated aliases of the new ones) and the semisync plugin
 * renames (new plugins semisync_source / semisync_replica). Old name → new name.
 */
export const MYSQL_RENAMES: Readonly<Record<string, string>> = {
  init_slave: 'init_replica',
  log_slave_updates: 'log_replica_updates',
  log_slow_slave_statements: 'log_slow_replica_statements',
  master_verify_checksum: 'source_verify_checksum',
  pseudo_slave_mode: 'pseudo_replica_mode',
  rpl_stop_slave_timeout: 'rpl_stop_replica_timeout',
  skip_slave_start: 'skip_replica_start',
  slave_allow_batching: 'replica_allow_batching',
  slave_checkpoint_group: 'replica_checkpoint_group',
  slave_checkpoint_period: 'replica_checkpoint_period',
  slave_compressed_protocol: 'replica_compressed_protocol',
  slave_exec_mode: 'replica_exec_mode',
  slave_load_tmpdir: 'replica_load_tmpdir',
  slave_max_allowed_packet: 'replica_max_allowed_packet',
  slave_net_timeout: 'replica_net_timeout',
  slave_parallel_type: 'replica_parallel_type',
  slave_parallel_workers: 'replica_parallel_workers',
  slave_pending_jobs_size_max: 'replica_pending_jobs_size_max',
  slave_preserve_commit_order: 'replica_preserve_commit_order',
  slave_skip_errors: 'replica_skip_errors',
  slave_sql_verify_checksum: 'replica_sql_verify_checksum',
  slave_transaction_retries: 'replica_transaction_retries',
  slave_type_conversions: 'replica_type_conversions',
  sql_slave_skip_counter: 'sql_replica_skip_counter',
  sync_master_info: 'sync_source_info',
  rpl_semi_sync_master_enabled: 'rpl_semi_sync_source_enabled',
  rpl_semi_sync_master_timeout: 'rpl_semi_sync_source_timeout',
  rpl_semi_sync_master_trace_level: 'rpl_semi_sync_source_trace_level',
  rpl_semi_sync_master_wait_for_slave_count: 'rpl_semi_sync_source_wait_for_replica_count',
  rpl_semi_sync_master_wait_no_slave: 'rpl_semi_sync_source_wait_no_replica',
  rpl_semi_sync_master_wait_point: 'rpl_semi_sync_source_wait_point',
  rpl_semi_sync_slave_enabled: 'rpl_semi_sync_replica_enabled',
  rpl_semi_sync_slave_trace_level: 'rpl_semi_sync_replica_trace_level',
};

/** MariaDB aliases (old → the name the server reports). */
export const MARIADB_ALIASES: Readonly<Record<string, string>> = {
  slave_parallel_workers: 'slave_parallel_threads',
};

/** Option-only switches that are the negation of another option: they set that option OFF. */
export const NEGATION_ALIASES: Readonly<Record<string, string>> = {
  skip_log_bin: 'log_bin',
  disable_log_bin: 'log_bin',
};

/**
 * The three tables above as maps, for the lookups made for every option of every lint: a map probes with the
 * string's own hash (an object key must be interned first), and inherited names such as `constructor` are not in it.
 */
export const MYSQL_RENAME_MAP: ReadonlyMap<string, string> = new Map(Object.entries(MYSQL_RENAMES));
export const MARIADB_ALIAS_MAP: ReadonlyMap<string, string> = new Map(Object.entries(MARIADB_ALIASES));
export const NEGATION_ALIAS_MAP: ReadonlyMap<string, string> = new Map(Object.entries(NEGATION_ALIASES));

/** Options whose repetitions add up instead of replacing each other (never duplicates). */
export const MULTI_VALUED = new Set([
  'replicate_do_db',
  'replicate_ignore_db',
  'replicate_do_table',
  'replicate_ignore_table',
  'replicate_wild_do_table',
  'replicate_wild_ignore_table',
  'replicate_rewrite_db',
  'binlog_do_db',
  'binlog_ignore_db',
  'plugin_load_add',
  'performance_schema_instrument',
  'performance_schema_consumer',
  // each line changes only the flags it names
  'optimizer_switch',
  'innodb_monitor_enable',
  'innodb_monitor_disable',
  'innodb_monitor_reset',
  'innodb_monitor_reset_all',
  // client-side options that some tools accept repeatedly
  'ignore_table',
  'init_command',
]);

/**
 * Options of the client programs (mysql, mysqldump, mysqladmin...) that are not server options: in a server group
 * they are unknown to the server, which then refuses to start.
 */
export const CLIENT_ONLY_OPTIONS = new Set([
  'default_character_set',
  'password',
  'host',
  'database',
  'prompt',
  'pager',
  'no_pager',
  'tee',
  'no_tee',
  'auto_rehash',
  'no_auto_rehash',
  'skip_auto_rehash',
  'auto_vertical_output',
  'safe_updates',
  'i_am_a_dummy',
  'select_limit',
  'max_join_size_client',
  'quick',
  'single_transaction',
  'routines',
  'triggers',
  'events',
  'add_drop_table',
  'add_locks',
  'extended_insert',
  'lock_tables',
  'set_gtid_purged',
  'compress',
  'connect_timeout_client',
  'silent',
  'batch',
  'raw',
  'table',
  'vertical',
  'force',
  'show_warnings',
  'reconnect',
  'protocol',
  'ssl_mode',
  'get_server_public_key',
  'server_public_key_path',
  'default_auth',
  'login_path',
  'no_beep',
  'column_names',
  'comments',
  'binary_as_hex',
  'histignore',
]);

/** Options of the server that also belong in client groups (both read them), so they are fine in [client]. */
export const SHARED_CLIENT_SERVER = new Set([
  'user',
  'port',
  'socket',
  'character_sets_dir',
  'plugin_dir',
  'max_allowed_packet',
  'net_buffer_length',
  'connect_timeout',
  'ssl',
  'ssl_ca',
  'ssl_capath',
  'ssl_cert',
  'ssl_cipher',
  'ssl_crl',
  'ssl_crlpath',
  'ssl_key',
  'tls_version',
  'tls_ciphersuites',
  'bind_address',
  'local_infile',
  'debug',
  'default_character_set',
  'init_command',
  'compression_algorithms',
  'zstd_compression_level',
  'enable_cleartext_plugin',
  'ssl_fips_mode',
  'ssl_verify_server_cert',
  'secure_auth',
  'skip_ssl',
  'host',
  'password',
]);

/**
 * Options added by Percona Server for MySQL and Percona XtraDB Cluster (which read MySQL's groups). On a MySQL
 * target they are reported as fork options, not as unknown ones. Prefix entries end with `_`.
 */
export const PERCONA_OPTIONS = new Set([
  'wsrep_',
  'pxc_',
  'userstat',
  'thread_statistics',
  'innodb_corrupt_table_action',
  'log_slow_rate_limit',
  'log_slow_rate_type',
  'log_slow_verbosity',
  'log_slow_sp_statements',
  'log_slow_filter',
  'slow_query_log_use_global_control',
  'slow_query_log_always_write_time',
  'innodb_show_locks_held',
  'innodb_print_lock_wait_timeout_info',
  'enforce_storage_engine',
  'expand_fast_index_creation',
  'innodb_kill_idle_transaction',
  'extra_port',
  'extra_max_connections',
  'proxy_protocol_networks',
  'innodb_parallel_doublewrite_path',
  'csv_mode',
  'pseudo_server_id',
  'coredumper',
  'thread_pool_size',
  'thread_pool_oversubscribe',
  'thread_pool_stall_limit',
  'thread_pool_max_threads',
  'thread_pool_idle_timeout',
  'thread_pool_high_prio_mode',
  'thread_pool_high_prio_tickets',
  'thread_handling',
  'binlog_space_limit',
  'innodb_encrypt_online_alter_logs',
  'innodb_temp_tablespace_encrypt',
  'encrypt_binlog',
  'have_backup_locks',
  'innodb_track_changed_pages',
  'innodb_max_bitmap_file_size',
  'innodb_max_changed_pages',
  'query_response_time_stats',
  'audit_log_',
  'tokudb_',
  'rocksdb_',
]);

export function isPerconaOption(name: string): boolean {
  if (PERCONA_OPTIONS.has(name)) return true;
  for (const p of PERCONA_OPTIONS) if (p.endsWith('_') && name.startsWith(p)) return true;
  return false;
}

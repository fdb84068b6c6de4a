/**
 * What the effective server configuration says about the server's role, computed once per model: is the binary log
 * on, is this a replica, a Galera node, a Group Replication member, which semisync plugins are loaded.
 */
import { compareVersions, flavorOf, seriesOf, type Flavor } from './groups';
import type { CnfOption, MycnfModel } from './model';
import { NEGATION_ALIAS_MAP } from './names';
import { boolOf, isPlaceholderWord, isTemplated, numOf, upperOf } from './values';

export interface Facts {
  flavor: Flavor;
  series: string;
  /** MySQL 8.0 or later (binary log on by default, server_id 1 by default, ...). */
  mysql8: boolean;
  binlog: { on: boolean; explicit?: CnfOption; off?: CnfOption };
  /** The option that shows this server is (or is set up to be) an asynchronous replica. */
  replica?: CnfOption;
  /** False when the only sign is a relay log name or report_host, which many set on every server of a topology. */
  replicaStrong: boolean;
  galera?: CnfOption;
  groupReplication?: CnfOption;
  /** Plugin libraries named in plugin-load / plugin-load-add (lower case, without directory). */
  plugins: Map<string, CnfOption>;
  /** Options that are loaded through plugin_load (last one) or plugin_load_add. */
  pluginLoads: CnfOption[];
  /** True when the configuration may be incomplete (fragment, unreadable includes): "missing X" rules stay quiet. */
  partial: boolean;
}

const cache = new WeakMap<MycnfModel, Facts>();

const WEAK_REPLICA_KEYS = new Set(['relay_log', 'relay_log_index', 'report_host']);
const REPLICA_KEYS = [
  'relay_log_recovery',
  'skip_replica_start',
  'replica_parallel_workers',
  'replica_parallel_type',
  'replica_preserve_commit_order',
  'replica_skip_errors',
  'replica_exec_mode',
  'replicate_do_db',
  'replicate_ignore_db',
  'replicate_do_table',
  'replicate_ignore_table',
  'replicate_wild_do_table',
  'replicate_wild_ignore_table',
  'replicate_rewrite_db',
  'slave_parallel_threads',
  'slave_parallel_mode',
  'slave_parallel_workers',
  'skip_slave_start',
  'rpl_semi_sync_replica_enabled',
  'rpl_semi_sync_slave_enabled',
];

export function facts(m: MycnfModel): Facts {
  let f = cache.get(m);
  if (f) return f;
  const t = m.target.target;
  const flavor = flavorOf(t);
  const series = seriesOf(t);
  const mysql8 = flavor === 'mysql' && compareVersions(series, '8.0') >= 0;
  const s = m.server;
  const lb = s.get('log_bin');
  let binlog: Facts['binlog'];
  if (!lb) binlog = { on: mysql8 };
  else if (isNegated(lb)) binlog = boolOf(lb) ? { on: true, explicit: lb } : { on: false, off: lb };
  // `log_bin` with any value turns the log on: the value is the files' base name (log_bin=OFF names them "OFF").
  else binlog = { on: true, explicit: lb };

  let replica: CnfOption | undefined;
  for (const k of REPLICA_KEYS) {
    const o = s.get(k);
    if (!o) continue;
    if ((k === 'rpl_semi_sync_replica_enabled' || k === 'rpl_semi_sync_slave_enabled') && boolOf(o) !== true) continue;
    if (k === 'relay_log_recovery' && boolOf(o) !== true) continue;
    replica = o;
    break;
  }
  if (!replica) {
    for (const k of ['read_only', 'super_read_only']) {
      const o = s.get(k);
      if (o && boolOf(o) === true) {
        replica = o;
        break;
      }
    }
  }
  const replicaStrong = !!replica;
  if (!replica) for (const k of WEAK_REPLICA_KEYS) replica ??= s.get(k);

  let galera: CnfOption | undefined;
  const wsrepOn = s.get('wsrep_on');
  const provider = s.get('wsrep_provider');
  if (!(wsrepOn && boolOf(wsrepOn) === false)) {
    if (wsrepOn && boolOf(wsrepOn) === true) galera = wsrepOn;
    else if (provider && provider.value && provider.value.trim().toLowerCase() !== 'none') galera = provider;
    else if (s.get('wsrep_cluster_address')) galera = s.get('wsrep_cluster_address');
  }

  let groupReplication: CnfOption | undefined;
  for (const o of s.options) {
    if (o.name.startsWith('group_replication_')) {
      groupReplication = o;
      break;
    }
  }

  const plugins = new Map<string, CnfOption>();
  const pluginLoads: CnfOption[] = [];
  const loads = s.all('plugin_load');
  const lastLoad = loads[loads.length - 1];
  for (const o of s.options) {
    if (o.key === 'plugin_load_add' || o.key === 'early_plugin_load' || o === lastLoad) {
      if (o.key === 'plugin_load_add' && lastLoad && s.options.indexOf(o) < s.options.indexOf(lastLoad)) continue;
      pluginLoads.push(o);
      for (const part of (o.value ?? '').split(';')) {
        const lib = part.includes('=') ? part.slice(part.indexOf('=') + 1) : part;
        const file = lib.trim().split(/[\\/]/).pop()!.toLowerCase();
        if (file) plugins.set(file.replace(/\.(so|dll)$/, ''), o);
      }
    }
  }
  f = { flavor, series, mysql8, binlog, replica, replicaStrong, galera, groupReplication, plugins, pluginLoads, partial: m.partial };
  cache.set(m, f);
  return f;
}

/** The setting's number, or the default the rule assumes. */
export function num(m: MycnfModel, key: string): number | undefined {
  return numOf(m.server.get(key), m.target.target);
}

export function upper(m: MycnfModel, key: string): string | undefined {
  return upperOf(m.server.get(key));
}

export function bool(m: MycnfModel, key: string): boolean | undefined {
  const o = m.server.get(key);
  return o ? boolOf(o) : undefined;
}

export function atLeast(m: MycnfModel, version: string): boolean {
  return compareVersions(seriesOf(m.target.target), version) >= 0;
}

/** `skip-x`, `disable-x`, `skip_log_bin`: the option is switched off by its name. */
export function isNegated(o: CnfOption): boolean {
  return o.prefixes.includes('skip') || o.prefixes.includes('disable') || NEGATION_ALIAS_MAP.has(o.norm.toLowerCase());
}

/** A numeric default from the target's reference, or the given one when the reference has none. */
export function defaultNum(m: MycnfModel, name: string, fallback: number): number {
  const d = m.ref?.lookup(name)?.default;
  return typeof d === 'number' ? d : fallback;
}

/**
 * The setting's number when set, else the default; NaN when its value is a template expression or a placeholder
 * (unknown: every comparison with it is false, so rules that compare stay silent instead of assuming the default).
 */
export function numOr(m: MycnfModel, key: string, fallback: number): number {
  const o = m.server.get(key);
  if (o?.hasValue && (isTemplated(o.value) || isPlaceholderWord(o.value))) return NaN;
  return num(m, key) ?? defaultNum(m, key, fallback);
}

/** An option that switches something on (ON/1/TRUE, a bare name, enable-); false for OFF or unset. */
export function isOn(o: CnfOption | undefined): boolean {
  return !!o && boolOf(o) === true;
}

/** Set and explicitly OFF. */
export function isOff(o: CnfOption | undefined): boolean {
  return !!o && boolOf(o) === false;
}

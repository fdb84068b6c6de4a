import { facts, isOn } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { matchEnum } from '../values';

/** MySQL GTID replication with neither semi-sync nor Group Replication: a failover can lose acknowledged commits. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC091', name: 'gtid-without-semisync', kind: 'mycnf', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const f = facts(m);
    if (f.flavor !== 'mysql' || f.galera || f.groupReplication || f.partial) return;
    const g = m.server.get('gtid_mode');
    if (!g?.hasValue || matchEnum(g.value ?? '', ['OFF', 'OFF_PERMISSIVE', 'ON_PERMISSIVE', 'ON'])?.value !== 'ON') return;
    if (!f.binlog.on) return;
    for (const lib of ['semisync_source', 'semisync_master', 'semisync_replica', 'semisync_slave']) if (f.plugins.has(lib)) return;
    if (m.server.options.some((o) => o.name.startsWith('rpl_semi_sync_') && isOn(o))) return;
    ctx.report({
      input: g.source,
      range: g.valueRange ?? g.nameRange,
      message: `GTID replication without semi-synchronous replication or Group Replication: the source confirms a commit before any replica has it, so when the source fails, the transactions it committed last can be missing on the replica that takes over. Semi-sync (rpl_semi_sync_source_enabled with the semisync_source plugin) makes a commit wait for one replica's acknowledgement; Group Replication (InnoDB Cluster) certifies every transaction on a majority.`,
    });
  },
});

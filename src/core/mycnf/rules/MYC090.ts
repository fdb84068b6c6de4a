import { facts, isOn } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix } from '../report';

/** MariaDB replication without gtid_strict_mode: a replica can apply transactions out of order or twice unnoticed. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC090', name: 'gtid-strict-mode-off', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (f.flavor !== 'mariadb' || m.target.guessed || f.galera || f.partial) return;
    const strict = m.server.get('gtid_strict_mode');
    if (strict && isOn(strict)) return;
    const member = f.replicaStrong ? f.replica : m.server.get('log_slave_updates') ?? m.server.get('log_replica_updates');
    if (!member || (!f.replicaStrong && !isOn(member))) return;
    const at = strict ?? member;
    ctx.report({
      input: at.source,
      range: strict?.valueRange ?? at.nameRange,
      message: `${strict ? 'gtid_strict_mode is off' : 'gtid_strict_mode is not set (off)'} on a replication member: MariaDB then accepts a GTID out of sequence or one it already has, so a replica can apply a transaction twice or miss one without stopping, and a later failover (CHANGE MASTER ... MASTER_USE_GTID) starts from a history that is not what it seems. With gtid_strict_mode=ON such an event stops replication with an error instead.`,
      fixes: strict ? undefined : addOptionFix(m, 'Add gtid_strict_mode = ON', 'gtid_strict_mode', 'ON', member),
    });
  },
});

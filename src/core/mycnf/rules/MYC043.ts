import { facts, isOff } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix, setValueFix } from '../report';

/** A replica with a binary log that does not log what it applies: it cannot feed chained replicas or be promoted cleanly. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC043', name: 'replica-updates-not-logged', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (!f.replica || !f.replicaStrong || !f.binlog.on || f.galera || f.groupReplication) return;
    const o = m.server.get('log_replica_updates');
    const why = 'changes applied from the source are not written to this server\'s binary log, so it cannot feed a chained replica, and after it is promoted the other replicas cannot catch up from it';
    if (o) {
      if (!isOff(o)) return;
      ctx.report({
        input: o.source,
        range: o.valueRange ?? o.nameRange,
        message: `${o.text} is off on this replica: ${why}. Turn it on.`,
        fixes: o.hasValue ? setValueFix(o, 'ON') : undefined,
      });
      return;
    }
    // ON by default since MySQL 8.0; OFF on 5.7 and MariaDB.
    if (f.mysql8 || f.partial) return;
    const name = 'log_slave_updates';
    ctx.report({
      input: f.replica.source,
      range: f.replica.nameRange,
      message: `${f.replica.text} makes this a replica with a binary log, but ${name} is not set (default OFF here): ${why}.`,
      fixes: addOptionFix(m, `Add ${name} = ON`, name, 'ON', f.binlog.explicit ?? f.replica),
    });
  },
});

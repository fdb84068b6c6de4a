import { facts, isOn } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix, setValueFix } from '../report';

/** A replica without relay_log_recovery: not crash-safe. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC037', name: 'relay-log-recovery-off', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (!f.replica || f.galera || f.groupReplication) return;
    const o = m.server.get('relay_log_recovery');
    if (isOn(o)) return;
    const why = 'After a crash the relay log may be cut short or ahead of what was applied; with relay_log_recovery=ON the replica throws its relay logs away at startup and fetches again from the last applied position (and fills the gaps a multi-threaded applier can leave).';
    if (o) {
      ctx.report({
        input: o.source,
        range: o.valueRange ?? o.nameRange,
        message: `relay_log_recovery is off on this replica, so it is not crash-safe. ${why}`,
        fixes: o.hasValue ? setValueFix(o, 'ON') : undefined,
      });
      return;
    }
    if (f.partial) return;
    ctx.report({
      input: f.replica.source,
      range: f.replica.nameRange,
      message: `${f.replica.text} ${f.replicaStrong ? 'makes this a replica' : 'is set, so this server is meant to replicate'}, but relay_log_recovery is not set (it defaults to OFF), so the replica is not crash-safe. ${why}`,
      severity: f.replicaStrong ? undefined : 'info',
      fixes: addOptionFix(m, 'Add relay_log_recovery = ON', 'relay_log_recovery', 'ON', f.replica),
    });
  },
});

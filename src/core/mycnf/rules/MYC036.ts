import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix, setValueFix } from '../report';

/** A replica applying with a single thread: the seed's "use multi-threaded replicas". */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC036', name: 'replica-single-threaded', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (!f.replica || f.galera || f.groupReplication) return;
    const maria = f.flavor === 'mariadb';
    const key = maria ? 'slave_parallel_threads' : 'replica_parallel_workers';
    const o = m.server.get(key);
    const n = num(m, key);
    const name = maria ? 'slave_parallel_threads' : f.mysql8 ? 'replica_parallel_workers' : 'slave_parallel_workers';
    if (o) {
      if (n === undefined || n > 1) return;
      ctx.report({
        input: o.source,
        range: o.valueRange ?? o.nameRange,
        message: `${o.text}=${n}: this replica applies the source's changes with ${n === 0 ? 'a single thread' : 'one worker thread'}, so one slow transaction holds up everything behind it and the replica falls behind a busy source. Use several workers${maria ? '' : ' with replica_parallel_type=LOGICAL_CLOCK and replica_preserve_commit_order=ON'}.`,
        fixes: setValueFix(o, '4'),
      });
      return;
    }
    // Defaults: MySQL 8.0.27+ uses 4 workers; 5.7 and MariaDB apply with one thread.
    if (f.mysql8 || f.partial) return;
    if (!f.replicaStrong) return;
    ctx.report({
      input: f.replica.source,
      range: f.replica.nameRange,
      message: `${f.replica.text} makes this a replica, and ${name} is not set, so it applies changes with a single thread (the default on ${maria ? 'MariaDB' : 'MySQL 5.7'}). A single applier falls behind a busy source; set ${name} to a few threads${maria ? ' (with slave_parallel_mode=optimistic)' : ' with slave_parallel_type=LOGICAL_CLOCK and slave_preserve_commit_order=ON'}.`,
      severity: 'info',
      fixes: addOptionFix(m, `Add ${name} = 4`, name, '4', f.replica),
    });
  },
});

import { facts, isOff, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** A multi-threaded replica that may commit out of the source's order. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC042', name: 'replica-commit-order-not-preserved', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (f.flavor !== 'mysql') return;
    const o = m.server.get('replica_preserve_commit_order');
    if (!isOff(o)) return;
    const workers = num(m, 'replica_parallel_workers') ?? (f.mysql8 ? 4 : 0);
    if (workers <= 1) return;
    ctx.report({
      input: o!.source,
      range: o!.valueRange ?? o!.nameRange,
      message: `${o!.text}=OFF with ${workers} parallel workers: transactions may commit on the replica in another order than on the source, so readers of the replica can see states the source never had, and after a crash the applied transactions can have gaps. Set it ON (the default since 8.0.27).`,
      fixes: o!.hasValue ? setValueFix(o!, 'ON') : undefined,
    });
  },
});

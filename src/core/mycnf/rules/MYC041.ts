import { facts, isOn, num, upper } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** replica_parallel_type=DATABASE: parallel only across schemas, and incompatible with preserved commit order. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC041', name: 'parallel-replica-type-database', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (f.flavor !== 'mysql') return;
    const t = m.server.get('replica_parallel_type');
    if (!t?.hasValue || upper(m, 'replica_parallel_type') !== 'DATABASE') return;
    const workers = num(m, 'replica_parallel_workers') ?? (f.mysql8 ? 4 : 0);
    const pco = m.server.get('replica_preserve_commit_order');
    const preserve = pco ? isOn(pco) : f.mysql8;
    if (preserve) {
      ctx.report({
        input: t.source,
        range: t.valueRange!,
        message: `${t.text}=DATABASE with replica_preserve_commit_order=ON${pco ? '' : ' (the default since 8.0.27)'}: preserving the commit order requires LOGICAL_CLOCK, so START REPLICA fails. Use LOGICAL_CLOCK.`,
        severity: 'error',
        fixes: setValueFix(t, 'LOGICAL_CLOCK'),
      });
      return;
    }
    if (workers <= 1) return;
    ctx.report({
      input: t.source,
      range: t.valueRange!,
      message: `${t.text}=DATABASE applies transactions in parallel only when they touch different schemas: with one busy schema the ${workers} workers wait for each other. LOGICAL_CLOCK parallelizes by the source's group commits and is the default since 8.0.27.`,
      fixes: setValueFix(t, 'LOGICAL_CLOCK'),
    });
  },
});

import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { deleteLineEdit, fix } from '../report';

/** replica_skip_errors: the replica silently drops the events that fail. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC055', name: 'replica-errors-skipped', kind: 'mycnf', severity: 'warning', fix: 'unsafe', aliases: ['slave_skip_errors'] },
  check(m, ctx) {
    const o = m.server.get('replica_skip_errors');
    if (!o?.hasValue || !o.valueRange) return;
    const v = (o.value ?? '').trim().toUpperCase();
    if (!v || v === 'OFF') return;
    const all = v === 'ALL';
    ctx.report({
      input: o.source,
      range: o.valueRange,
      message: `${o.text}=${o.value}: the replica ${all ? 'ignores every error' : 'skips events that fail with these errors'} and goes on, so it silently drifts from the source and the difference surfaces later as wrong data or a broken failover. Fix the cause of the errors instead, and compare the data (pt-table-checksum).`,
      severity: all ? 'error' : undefined,
      fixes: [fix(`Remove ${o.text}`, false, deleteLineEdit(o))],
    });
  },
});

import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** pxc_strict_mode relaxed: Percona XtraDB Cluster lets unsupported features through. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC083', name: 'pxc-strict-mode-relaxed', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const o = m.server.get('pxc_strict_mode');
    if (!o?.hasValue || !o.valueRange) return;
    const v = (o.value ?? '').trim().toUpperCase();
    if (v !== 'DISABLED' && v !== 'PERMISSIVE') return;
    ctx.report({
      input: o.source,
      range: o.valueRange,
      message: `pxc_strict_mode=${v} lets through what Percona XtraDB Cluster cannot replicate safely (MyISAM tables, tables without a primary key, LOCK TABLES, binlog formats other than ROW...)${v === 'PERMISSIVE' ? ' with only a warning' : ''}, and the nodes silently diverge. Keep ENFORCING (the default).`,
      severity: v === 'PERMISSIVE' ? 'info' : undefined,
      fixes: setValueFix(o, 'ENFORCING'),
    });
  },
});

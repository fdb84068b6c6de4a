import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix, setValueFix } from '../report';

/** A Galera node without innodb_autoinc_lock_mode=2. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC080', name: 'galera-autoinc-lock-mode', kind: 'mycnf', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (!f.galera) return;
    const o = m.server.get('innodb_autoinc_lock_mode');
    const n = num(m, 'innodb_autoinc_lock_mode');
    const why = 'Galera needs innodb_autoinc_lock_mode=2 (interleaved): with the table-level auto-increment lock of modes 0 and 1, parallel appliers and certification deadlock, and nodes stall or drop out of the cluster.';
    if (o) {
      if (n === undefined || n === 2) return;
      ctx.report({
        input: o.source,
        range: o.valueRange ?? o.nameRange,
        message: `innodb_autoinc_lock_mode=${n} on a Galera node. ${why}`,
        fixes: setValueFix(o, '2'),
      });
      return;
    }
    // MySQL 8.0's default is already 2
    if (f.mysql8 || f.partial) return;
    ctx.report({
      input: f.galera.source,
      range: f.galera.nameRange,
      message: `${f.galera.text} makes this a Galera node, and innodb_autoinc_lock_mode is not set (the default here is 1). ${why}`,
      fixes: addOptionFix(m, 'Add innodb_autoinc_lock_mode = 2', 'innodb_autoinc_lock_mode', '2', f.galera),
    });
  },
});

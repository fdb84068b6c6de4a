import { num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** innodb_lock_wait_timeout far above the default: blocked transactions pile up instead of failing. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC068', name: 'lock-wait-timeout-long', kind: 'mycnf', severity: 'info', fix: 'none', aliases: ['innodb_lock_wait_timeout'] },
  check(m, ctx) {
    const o = m.server.get('innodb_lock_wait_timeout');
    const n = num(m, 'innodb_lock_wait_timeout');
    if (!o || n === undefined || n <= 120) return;
    ctx.report({
      input: o.source,
      range: o.valueRange!,
      message: `innodb_lock_wait_timeout=${n} s: a transaction waiting for a row lock waits up to ${n >= 3600 ? `${Math.round(n / 360) / 10} hours` : `${Math.round(n / 6) / 10} minutes`} before it fails, holding its connection and its own locks meanwhile, so one stuck transaction can pile up the whole workload. The default, 50 s, lets the application retry sooner.`,
    });
  },
});

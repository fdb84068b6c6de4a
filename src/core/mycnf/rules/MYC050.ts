import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { deleteLineEdit, fix } from '../report';
import { overridesEverywhere } from '../fixsafety';

/** expire_logs_days and binlog_expire_logs_seconds both set: one of them is ignored. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC050', name: 'binlog-expiry-conflict', kind: 'mycnf', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    const days = m.server.get('expire_logs_days');
    const secs = m.server.get('binlog_expire_logs_seconds');
    if (!days || !secs || days.info?.removed !== undefined) return;
    const d = num(m, 'expire_logs_days');
    const s = num(m, 'binlog_expire_logs_seconds');
    if (d === undefined || s === undefined || (d === 0 && s === 0)) return;
    const f = facts(m);
    if (f.flavor === 'mysql') {
      if (d === 0 || s === 0) return;
      ctx.report({
        input: days.source,
        range: days.nameRange,
        message: `Both expire_logs_days (${d}) and binlog_expire_logs_seconds (${s}) are set: MySQL uses only binlog_expire_logs_seconds and logs a warning at every start. Remove expire_logs_days.`,
        related: [{ message: 'the setting that applies', range: secs.range, ...(m.sources[secs.source].main ? {} : { file: m.sources[secs.source].path }) }],
        // a release that skips a loose-binlog_expire_logs_seconds (before 8.0.1) uses expire_logs_days
        fixes: [fix('Remove expire_logs_days (it is ignored)', overridesEverywhere(m, m.target.target, secs), deleteLineEdit(days))],
      });
      return;
    }
    if (d * 86400 === s) return;
    const later = m.server.options.indexOf(days) > m.server.options.indexOf(secs) ? days : secs;
    const earlier = later === days ? secs : days;
    ctx.report({
      input: earlier.source,
      range: earlier.nameRange,
      message: `expire_logs_days (${d} days) and binlog_expire_logs_seconds (${s} s) set the same thing in MariaDB; the later line wins, so ${earlier.text} has no effect. Keep one of them.`,
      fixes: [fix(`Remove ${earlier.text} (it has no effect)`, overridesEverywhere(m, m.target.target, later), deleteLineEdit(earlier))],
    });
  },
});

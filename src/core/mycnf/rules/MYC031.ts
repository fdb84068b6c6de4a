import { facts, numOr, upper } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';
import { matchEnum } from '../values';

/** binlog_format STATEMENT or MIXED: row-based replication is the seed's advice (and Galera's requirement). */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC031', name: 'binlog-format-not-row', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const o = m.server.get('binlog_format');
    if (!o?.hasValue || !o.valueRange) return;
    const v = matchEnum(o.value ?? '', ['MIXED', 'STATEMENT', 'ROW']);
    if (!v || v.value === 'ROW') return;
    const f = facts(m);
    const autoinc = numOr(m, 'innodb_autoinc_lock_mode', f.mysql8 ? 2 : 1);
    let msg = `binlog_format=${v.value} logs SQL statements${v.value === 'MIXED' ? ' whenever the server thinks they are safe' : ''}; a statement can do something different on a replica (time functions, LIMIT without ORDER BY, triggers, auto-increment), and the replica silently drifts from the source. Row-based logging sends the changed rows themselves.`;
    if (f.galera) {
      msg = `Galera replicates only row events: with binlog_format=${v.value} the cluster cannot replicate writes correctly. Set binlog_format=ROW.`;
    } else if (autoinc === 2 && v.value === 'STATEMENT') {
      msg += ` With innodb_autoinc_lock_mode=2${upper(m, 'innodb_autoinc_lock_mode') ? '' : ' (the default since MySQL 8.0)'} statement-based replication of inserts into auto-increment columns is unsafe.`;
    }
    ctx.report({
      input: o.source,
      range: o.valueRange,
      message: msg,
      severity: f.galera ? 'error' : undefined,
      fixes: setValueFix(o, 'ROW', 'Set binlog_format = ROW'),
    });
  },
});

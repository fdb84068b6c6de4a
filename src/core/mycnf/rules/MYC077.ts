import { facts, isOff } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** innodb_support_xa=OFF (MySQL 5.7) with the binary log on: binlog and InnoDB can disagree after a crash. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC077', name: 'innodb-support-xa-off', kind: 'mycnf', severity: 'warning', fix: 'unsafe', aliases: ['innodb_support_xa'] },
  check(m, ctx) {
    const o = m.server.get('innodb_support_xa');
    if (!isOff(o) || o!.info?.removed !== undefined || !facts(m).binlog.on) return;
    ctx.report({
      input: o!.source,
      range: o!.valueRange ?? o!.nameRange,
      message: 'innodb_support_xa=OFF drops the two-phase commit between InnoDB and the binary log: after a crash a transaction can be committed in one and missing from the other, so replicas and point-in-time recovery diverge from the data. Leave it ON (MySQL 8.0 removed the option and always keeps it on).',
      fixes: o!.hasValue ? setValueFix(o!, 'ON') : undefined,
    });
  },
});

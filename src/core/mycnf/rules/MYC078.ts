import { facts, isOn } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** innodb_locks_unsafe_for_binlog=ON (MySQL 5.7, old MariaDB): statement-based replication becomes unsafe. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC078', name: 'locks-unsafe-for-binlog', kind: 'mycnf', severity: 'warning', fix: 'unsafe', aliases: ['innodb_locks_unsafe_for_binlog'] },
  check(m, ctx) {
    const o = m.server.get('innodb_locks_unsafe_for_binlog');
    if (!isOn(o) || o!.info?.removed !== undefined || !facts(m).binlog.on) return;
    ctx.report({
      input: o!.source,
      range: o!.valueRange ?? o!.nameRange,
      message: 'innodb_locks_unsafe_for_binlog=ON turns off gap locking, so with statement-based or mixed logging the binary log no longer replays the same way: replicas and point-in-time recovery can produce different rows. Use READ-COMMITTED with binlog_format=ROW instead (the option is gone in MySQL 8.0 and MariaDB 10.6).',
      fixes: o!.hasValue ? setValueFix(o!, 'OFF') : undefined,
    });
  },
});

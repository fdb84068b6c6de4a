import { atLeast, facts, isOff } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** binlog_checksum=NONE (or replica checksum verification off): corrupted events go unnoticed. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC040', name: 'binlog-checksum-off', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    const o = m.server.get('binlog_checksum');
    if (o?.hasValue && (o.value ?? '').trim().toUpperCase() === 'NONE') {
      // Group Replication required NONE before MySQL 8.0.21.
      if (f.groupReplication && f.flavor === 'mysql' && !atLeast(m, '8.0')) return;
      const gr = f.groupReplication ? ' Group Replication works with checksums since MySQL 8.0.21, so the old NONE requirement is gone.' : '';
      ctx.report({
        input: o.source,
        range: o.valueRange!,
        message: `binlog_checksum=NONE writes events without a checksum, so a corrupted binary log or relay log (disk, network, memory) is replayed on replicas as if it were correct. Keep CRC32, the default.${gr}`,
        severity: f.groupReplication ? 'info' : undefined,
        fixes: setValueFix(o, 'CRC32'),
      });
    }
    const v = m.server.get('replica_sql_verify_checksum');
    if (isOff(v)) {
      ctx.report({
        input: v!.source,
        range: v!.valueRange ?? v!.nameRange,
        message: `${v!.text}=OFF: the replica's applier does not check event checksums when it reads the relay log, so corruption there is applied silently. Leave it ON (the default).`,
        severity: 'info',
        fixes: v!.hasValue ? setValueFix(v!, 'ON') : undefined,
      });
    }
  },
});

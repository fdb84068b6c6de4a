import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** Binary logging for replication without a unique server_id. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC035', name: 'binlog-without-server-id', kind: 'mycnf', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const f = facts(m);
    if (!f.binlog.on || f.galera || f.groupReplication) return;
    const sid = m.server.get('server_id');
    const v = num(m, 'server_id');
    const v57 = f.flavor === 'mysql' && !f.mysql8;
    if (sid && v === 0) {
      ctx.report({
        input: sid.source,
        range: sid.valueRange ?? sid.nameRange,
        message: v57
        ? 'server_id=0 with the binary log on: MySQL 5.7 refuses to start. Give every server its own non-zero server_id.'
        : 'server_id=0: the server writes a binary log, but as a source it refuses every replica, and as a replica it refuses to connect to its source. Give every server its own non-zero server_id.',
        severity: v57 ? 'error' : undefined,
      });
      return;
    }
    if (sid || f.partial) return;
    const anchor = f.binlog.explicit ?? f.replica;
    if (!anchor) return;
    if (v57) {
      ctx.report({
        input: anchor.source,
        range: anchor.nameRange,
        message: 'The binary log is on but server_id is not set: MySQL 5.7 refuses to start ("You have enabled the binary log, but you haven\'t provided the mandatory server-id"). Set a server_id unique in the topology.',
        severity: 'error',
      });
      return;
    }
    ctx.report({
      input: anchor.source,
      range: anchor.nameRange,
      message: `${anchor === f.binlog.explicit ? 'The binary log is switched on' : `${anchor.text} is set for replication`}, but server_id is not set, so it is 1, the default every other server has too. Replication needs a server_id that is unique in the topology: a replica with its source's id skips the source's events as its own.`,
    });
  },
});

import { facts, isNegated } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** log_bin without a base name on MariaDB or MySQL 5.7: the files are named after the host. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC089', name: 'log-bin-without-basename', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    const lb = f.binlog.explicit;
    if (!lb || lb.key !== 'log_bin' || isNegated(lb) || (lb.hasValue && (lb.value ?? '').trim())) return;
    if (f.flavor === 'mysql' && f.mysql8) return; // MySQL 8.0 names them binlog.NNNNNN
    if (m.server.get('log_basename') || m.server.get('log_bin_index')) return; // mariadbd warns unless one of them names the files
    ctx.report({
      input: lb.source,
      range: lb.nameRange,
      message: `${lb.text} has no base name, so the binary log files are named after the host (host-bin.000001). When the host name changes (a new container, a restored VM), the server starts a new series and no longer finds the old index: replicas and point-in-time recovery lose track. Give a fixed name: log_bin = mysql-bin${f.flavor === 'mariadb' ? ' (or set log_basename)' : ''}.`,
      fixes: setValueFix(lb, 'mysql-bin', 'Set log_bin = mysql-bin'),
    });
  },
});

import { facts } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix } from '../report';

/** MariaDB with the binary log on and no binlog_format: it logs MIXED, and Galera needs ROW. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC087', name: 'binlog-format-implicit', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (f.flavor !== 'mariadb' || m.target.guessed || f.partial || m.server.get('binlog_format')) return;
    const at = f.galera ?? f.binlog.explicit;
    if (!at || (!f.galera && !f.binlog.on)) return;
    const fixes = addOptionFix(m, 'Add binlog_format = ROW', 'binlog_format', 'ROW', at);
    if (f.galera) {
      ctx.report({
        input: at.source,
        range: at.nameRange,
        message: `This Galera node sets no binlog_format, and MariaDB's default is MIXED: Galera replicates row events only, so statement events are not replicated correctly between the nodes. Set binlog_format=ROW.`,
        severity: 'warning',
        fixes,
      });
      return;
    }
    ctx.report({
      input: at.source,
      range: at.nameRange,
      message: `The binary log is on and binlog_format is not set, so MariaDB logs MIXED: statements where it judges them safe, rows elsewhere. Statements can do something different on a replica (time functions, LIMIT without ORDER BY, triggers) and it drifts without an error. Setting binlog_format=ROW says what is logged instead of relying on the default.`,
      fixes,
    });
  },
});

import { facts } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { matchEnum } from '../values';

const FILTERS = ['binlog_do_db', 'binlog_ignore_db', 'replicate_do_db', 'replicate_ignore_db'];

/** Database-level binary log and replication filters: they act on the default database for statements. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC086', name: 'replication-db-filter', kind: 'mycnf', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const f = facts(m);
    const fmtOpt = m.server.get('binlog_format');
    const explicit = fmtOpt?.hasValue ? matchEnum(fmtOpt.value ?? '', ['MIXED', 'STATEMENT', 'ROW'])?.value : undefined;
    if (fmtOpt && !explicit) return; // an invalid value is invalid-value's business
    // MariaDB logs MIXED unless told otherwise; MySQL 5.7.7 and later ROW
    const format = explicit ?? (f.flavor === 'mariadb' ? 'MIXED' : 'ROW');
    const seen = new Set<string>();
    for (const o of m.server.options) {
      if (!FILTERS.includes(o.name) || seen.has(o.name)) continue;
      seen.add(o.name);
      const binlog = o.name.startsWith('binlog_');
      const side = binlog ? 'what this server writes to its binary log' : 'what this replica applies';
      const how = `${explicit ? `binlog_format=${format}` : `the default binlog_format (${format})`}`;
      if (format !== 'ROW') {
        ctx.report({
          input: o.source,
          range: o.nameRange,
          message: `${o.text} decides ${side} by the default database (the one chosen with USE), not by the database a statement changes: with ${how}, \`USE a; UPDATE b.t ...\` is kept or dropped by the rule for a, so statements that cross databases are silently lost or leak through. ${binlog ? 'Filter on the replicas instead, with replicate-wild-do-table=db.%' : 'replicate-wild-do-table=db.% matches the tables a statement changes'}, and log rows (binlog_format=ROW).`,
        });
      } else {
        ctx.report({
          input: o.source,
          range: o.nameRange,
          message: `${o.text} decides ${side} by database. Under row-based logging rows are matched by their own database, but DDL (CREATE, ALTER, DROP) is still logged as a statement and filtered by the default database (USE), so schema changes made from another database are ${binlog ? 'left out of the binary log' : 'skipped'}.${binlog ? ' A filtered binary log also cannot restore the other databases to a point in time; filtering on the replicas (replicate-wild-do-table=db.%) keeps the source\'s log whole.' : ' replicate-wild-do-table=db.% matches the tables a statement changes.'}`,
          severity: 'info',
        });
      }
    }
  },
});

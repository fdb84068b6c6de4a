import { num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** pt-variable-advisor's thresholds that still hold: very many connections, warnings switched off. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC093', name: 'advisor-threshold', kind: 'mycnf', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const mc = m.server.get('max_connections');
    const n = num(m, 'max_connections');
    if (mc?.valueRange && n !== undefined && n > 1000) {
      ctx.report({
        input: mc.source,
        range: mc.valueRange,
        message: `max_connections=${n}: with more than about a thousand connections running at once, the server spends its time switching between threads and on per-connection memory rather than on queries. A connection pool in the application or a proxy (ProxySQL, MySQL Router), or the thread pool, serves the same clients with far fewer server threads.`,
      });
    }
    const lw = m.server.get('log_warnings');
    if (lw?.valueRange && num(m, 'log_warnings') === 0) {
      ctx.report({
        input: lw.source,
        range: lw.valueRange,
        message: `log_warnings=0 keeps warnings out of the error log: aborted connections, statements unsafe for the binary log and replication warnings go unseen. Keep it at 2 or more${m.target.target.startsWith('mysql') ? ' (or, on MySQL 5.7, use log_error_verbosity)' : ''}.`,
      });
    }
  },
});

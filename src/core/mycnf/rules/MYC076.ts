import { num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** replica_net_timeout far above a minute: a silently broken connection to the source goes unnoticed. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC076', name: 'replica-net-timeout-long', kind: 'mycnf', severity: 'info', fix: 'none', aliases: ['slave_net_timeout'] },
  check(m, ctx) {
    const o = m.server.get('replica_net_timeout');
    const n = num(m, 'replica_net_timeout');
    if (!o || n === undefined || n <= 60) return;
    ctx.report({
      input: o.source,
      range: o.valueRange!,
      message: `${o.text}=${n}: when the connection to the source dies without being closed, the replica notices only after ${n} seconds of silence, and reports no lag meanwhile. Keep it at 60 seconds or less (the default is 60) and monitor replication with a heartbeat.`,
    });
  },
});

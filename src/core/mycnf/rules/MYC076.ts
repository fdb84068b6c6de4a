import { num } from '../facts';
import { defineMycnfRule } from '../report';

/** replica_net_timeout far above a minute: a silently broken connection to the source goes unnoticed. */
export default defineMycnfRule({
  meta: { code: 'MYC076', name: 'replica-net-timeout-long', severity: 'info', fix: 'none', aliases: ['slave_net_timeout'] },
  check(m, report) {
    const o = m.server.get('replica_net_timeout');
    const n = num(m, 'replica_net_timeout');
    if (!o || n === undefined || n <= 60) return;
    report(o, o.valueRange!, `${o.text}=${n}: when the connection to the source dies without being closed, the replica notices only after ${n} seconds of silence, and reports no lag meanwhile. Keep it at 60 seconds or less (the default is 60) and monitor replication with a heartbeat.`);
  },
});

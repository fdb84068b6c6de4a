import { num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** A semi-sync timeout so short that the source falls back to asynchronous replication at the first hiccup. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC047', name: 'semisync-timeout-too-short', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    // MySQL 8.0.26+ plugin (source names); MariaDB and MySQL's old plugin (master names)
    for (const key of ['rpl_semi_sync_source_timeout', 'rpl_semi_sync_master_timeout']) {
      const o = m.server.get(key);
      const n = num(m, key);
      if (!o || n === undefined || n >= 1000) continue;
      ctx.report({
        input: o.source,
        range: o.valueRange!,
        message: `${o.text}=${n} ms: when no replica acknowledges within ${n} ms the source silently switches to asynchronous replication, so a short network or disk stall is enough to lose the guarantee that a committed transaction exists on a replica. Keep at least a few seconds (the default is 10000 ms), and monitor ${key.includes('master') ? 'Rpl_semi_sync_master_status' : 'Rpl_semi_sync_source_status'}.`,
        fixes: setValueFix(o, '10000'),
      });
    }
  },
});

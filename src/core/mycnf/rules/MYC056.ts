import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** relay_log_space_limit on a replica: it stops fetching when the relay logs are full. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC056', name: 'relay-log-space-limited', kind: 'mycnf', severity: 'info', fix: 'none', aliases: ['relay_log_space_limit'] },
  check(m, ctx) {
    const o = m.server.get('relay_log_space_limit');
    const n = num(m, 'relay_log_space_limit');
    if (!o || !n) return;
    const semi = m.server.options.some((x) => /^rpl_semi_sync_(replica|slave)_enabled$/.test(x.name));
    ctx.report({
      input: o.source,
      range: o.valueRange!,
      message: `relay_log_space_limit caps the relay logs: when the applier lags, the replica stops fetching from the source, so the source's latest transactions exist nowhere else if it fails${semi ? ', and semi-synchronous acknowledgements stall' : ''}. Leave it at 0 and watch disk space instead.`,
      severity: semi || facts(m).replicaStrong ? 'warning' : undefined,
    });
  },
});

import { isOff, isOn } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** relay_log_purge=OFF with relay_log_recovery=ON: recovery then cannot be trusted. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC045', name: 'relay-log-purge-off', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const p = m.server.get('relay_log_purge');
    if (!isOff(p)) return;
    const rec = isOn(m.server.get('relay_log_recovery'));
    ctx.report({
      input: p!.source,
      range: p!.valueRange ?? p!.nameRange,
      message: rec
      ? 'relay_log_purge=OFF together with relay_log_recovery=ON: recovery starts new relay logs while the old ones stay, which risks applying events twice or skipping them; the manual calls this combination not crash-safe. Leave relay_log_purge ON.'
      : 'relay_log_purge=OFF keeps every relay log after it was applied, so they pile up until the disk is full. Leave it ON unless you collect them yourself.',
      severity: rec ? undefined : 'info',
      fixes: p!.hasValue ? setValueFix(p!, 'ON') : undefined,
    });
  },
});

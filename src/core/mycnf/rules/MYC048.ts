import { facts, isOn } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix, setValueFix } from '../report';

/** Semi-sync waiting AFTER_COMMIT: not lossless. MariaDB uses AFTER_COMMIT by default. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC048', name: 'semisync-wait-point-after-commit', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    const why = 'the source commits before a replica has the transaction, so other sessions can read data that is lost if the source then crashes and a replica is promoted. AFTER_SYNC waits for the acknowledgement before the commit becomes visible (lossless semi-sync).';
    for (const key of ['rpl_semi_sync_source_wait_point']) {
      const o = m.server.get(key);
      if (!o?.hasValue || (o.value ?? '').trim().toUpperCase() !== 'AFTER_COMMIT') continue;
      ctx.report({ input: o.source, range: o.valueRange!, message: `${o.text}=AFTER_COMMIT: ${why}`, fixes: setValueFix(o, 'AFTER_SYNC') });
      return;
    }
    if (f.flavor !== 'mariadb' || f.partial) return;
    const en = m.server.get('rpl_semi_sync_source_enabled');
    if (!isOn(en) || m.server.get('rpl_semi_sync_source_wait_point')) return;
    ctx.report({
      input: en!.source,
      range: en!.nameRange,
      message: `Semi-synchronous replication is on, and MariaDB waits AFTER_COMMIT unless told otherwise: ${why}`,
      fixes: addOptionFix(m, 'Add rpl_semi_sync_master_wait_point = AFTER_SYNC', 'rpl_semi_sync_master_wait_point', 'AFTER_SYNC', en),
    });
  },
});

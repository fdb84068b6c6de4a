import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** A default isolation level other than REPEATABLE READ or READ COMMITTED. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC071', name: 'isolation-level-unusual', kind: 'mycnf', severity: 'info', fix: 'none', aliases: ['tx_isolation-2'] },
  check(m, ctx) {
    for (const k of ['transaction_isolation', 'tx_isolation']) {
      const o = m.server.get(k);
      if (!o?.hasValue || o.info?.removed !== undefined) continue;
      const v = (o.value ?? '').trim().toUpperCase().replace(/[ _]/g, '-');
      if (v === 'READ-UNCOMMITTED') {
        ctx.report({
          input: o.source,
          range: o.valueRange!,
          message: `${o.text}=READ-UNCOMMITTED lets every session read changes other transactions have not committed and may still roll back: reports and application logic see data that never existed. Use REPEATABLE-READ (the default) or READ-COMMITTED.`,
        });
      } else if (v === 'SERIALIZABLE') {
        ctx.report({
          input: o.source,
          range: o.valueRange!,
          message: `${o.text}=SERIALIZABLE makes every plain SELECT take shared locks, so readers and writers block each other and deadlocks become common. Use it per transaction where needed, with REPEATABLE-READ or READ-COMMITTED as the server default.`,
        });
      }
    }
  },
});

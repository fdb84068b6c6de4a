import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** init_connect that switches autocommit off: every ordinary session silently runs inside a transaction. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC085', name: 'init-connect-autocommit-off', kind: 'mycnf', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const o = m.server.get('init_connect');
    if (!o?.hasValue || !o.valueRange) return;
    if (!/\bautocommit\s*=\s*(0|off|false)\b/i.test(o.value ?? '')) return;
    ctx.report({
      input: o.source,
      range: o.valueRange,
      message: `init_connect switches autocommit off for every new session: each one holds an open transaction, with its locks and the old row versions it keeps alive, until it commits, and work that is never committed is lost when the connection drops. Accounts with SUPER or CONNECTION_ADMIN do not run init_connect, so they behave differently from everyone else. Set autocommit in the application or its driver, where the code that commits lives.`,
    });
  },
});

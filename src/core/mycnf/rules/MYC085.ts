import { defineMycnfRule } from '../report';

/** init_connect that switches autocommit off: every ordinary session silently runs inside a transaction. */
export default defineMycnfRule({
  meta: { code: 'MYC085', name: 'init-connect-autocommit-off', severity: 'warning', fix: 'none' },
  check(m, report) {
    const o = m.server.get('init_connect');
    if (!o?.hasValue || !o.valueRange) return;
    if (!/\bautocommit\s*=\s*(0|off|false)\b/i.test(o.value ?? '')) return;
    report(o, o.valueRange, `init_connect switches autocommit off for every new session: each one holds an open transaction, with its locks and the old row versions it keeps alive, until it commits, and work that is never committed is lost when the connection drops. Accounts with SUPER or CONNECTION_ADMIN do not run init_connect, so they behave differently from everyone else. Set autocommit in the application or its driver, where the code that commits lives.`);
  },
});

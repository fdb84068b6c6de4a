import { isOff } from '../facts';
import { defineMycnfRule, setValueFix } from '../report';

/** performance_schema=OFF: the server's own instrumentation is gone, and it cannot be switched on without a restart. */
export default defineMycnfRule({
  meta: { code: 'MYC079', name: 'performance-schema-off', severity: 'info', fix: 'unsafe' },
  check(m, report) {
    const o = m.server.get('performance_schema');
    if (!isOff(o)) return;
    report(o!, o!.valueRange ?? o!.nameRange, 'performance_schema=OFF removes the instrumentation that shows where time goes (waits, statements, locks, replication applier status). It can only be turned back on with a restart, usually when it is needed most. Its overhead is small on current versions; keep it ON.', {
      fixes: o!.hasValue ? setValueFix(o!, 'ON') : undefined,
    });
  },
});

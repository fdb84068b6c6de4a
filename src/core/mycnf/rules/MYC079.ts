import { isOff } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** performance_schema=OFF: the server's own instrumentation is gone, and it cannot be switched on without a restart. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC079', name: 'performance-schema-off', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    const o = m.server.get('performance_schema');
    if (!isOff(o)) return;
    ctx.report({
      input: o!.source,
      range: o!.valueRange ?? o!.nameRange,
      message: 'performance_schema=OFF removes the instrumentation that shows where time goes (waits, statements, locks, replication applier status). It can only be turned back on with a restart, usually when it is needed most. Its overhead is small on current versions; keep it ON.',
      fixes: o!.hasValue ? setValueFix(o!, 'ON') : undefined,
    });
  },
});

import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, namespaceCalls, scopeOf } from '../helpers';
import { boxProblem } from '../boxes';

/**
 * A box of a distribution release past its end of life (no security updates; package mirrors disappear, so
 * provisioning breaks too), or a box name that does not exist for that release. A box named through a constant
 * is reported once, where the constant is assigned.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT011', name: 'box-deprecated', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const done = new Set<string>();
    for (const call of namespaceCalls(m, 'vm', 'box')) {
      if (!call.assignment) continue;
      const v = call.value!;
      if (v.kind !== 'string') continue;
      const name = v.value.trim();
      const problem = boxProblem(name, apiVersion(scopeOf(call)) === 1);
      if (!problem) continue;
      if (v.via) {
        if (done.has(v.via.name)) continue;
        done.add(v.via.name);
        ctx.report({
          range: v.via.definition,
          message: `Box "${name}" (${v.via.name}) ${problem}`,
          related: [{ message: `${v.via.name} is used as the box here`, range: v.range }],
        });
      } else ctx.report({ range: v.range, message: `Box "${name}" ${problem}` });
    }
  },
});

import { defineRule } from '../../rule';
import type { Value, VagrantModel } from '../model';
import { apiVersion, namespaceCalls, scopeOf } from '../helpers';
import { boxProblem } from '../boxes';

/**
 * A box of a distribution release past its end of life (no security updates; package mirrors disappear, so
 * provisioning breaks too), or a box name that does not exist for that release. A box named through a constant
 * is reported once, where the constant is assigned. Box names kept in a constant hash or array (`BOXES = { web:
 * "ubuntu/trusty64" }`, `NODES = [{ name: "a", box: "centos/6" }]`) are checked where they are written: under a
 * `box` key anywhere, and every value of a constant whose name says it holds boxes.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT011', name: 'box-deprecated', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const done = new Set<string>();
    const reported = new Set<string>();
    const key = (v: Value) => `${v.range.start.line}:${v.range.start.character}`;
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
        reported.add(`${v.via.definition.start.line}:${v.via.definition.start.character}`);
        ctx.report({
          range: v.via.definition,
          message: `Box "${name}" (${v.via.name}) ${problem}`,
          related: [{ message: `${v.via.name} is used as the box here`, range: v.range }],
        });
      } else {
        reported.add(key(v));
        ctx.report({ range: v.range, message: `Box "${name}" ${problem}` });
      }
    }

    // Box names in constant tables.
    const check = (v: Value) => {
      if (v.kind !== 'string' || reported.has(key(v))) return;
      const problem = boxProblem(v.value.trim());
      if (!problem) return;
      reported.add(key(v));
      ctx.report({ range: v.range, message: `Box "${v.value.trim()}" ${problem}` });
    };
    const walk = (v: Value, boxes: boolean, depth: number) => {
      if (depth > 8) return;
      if (v.kind === 'string' && boxes) check(v);
      else if (v.kind === 'array') for (const i of v.items) walk(i, boxes, depth + 1);
      else if (v.kind === 'hash') {
        for (const e of v.entries) {
          const k = e.key.kind === 'string' || e.key.kind === 'symbol' ? e.key.value : undefined;
          walk(e.value, boxes || (k !== undefined && /^(?:box|vm_box|box_name|image)$/i.test(k)), depth + 1);
        }
      }
    };
    for (const [name, v] of m.constants) {
      if (v.kind !== 'unknown' && v.via) continue;
      walk(v, /box/i.test(name), 0);
    }
  },
});

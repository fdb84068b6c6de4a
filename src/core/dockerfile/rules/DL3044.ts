import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { isCommonImageEnv, lookupAt } from '../analysis';
import { stageChain, stageOf } from '../model';
import { pairs } from '../instructions';
import { expand } from '../variables';

/**
 * `ENV A=1 B=$A`: every value of one ENV sees the variables as they were before it, so B does not get A's new value.
 * Silent when the variable was already defined before the instruction (then the old value is what is used).
 * The fix starts a new ENV instruction before the referring pair.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3044', name: 'env-self-reference', kind: 'dockerfile', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    for (const ins of m.instructions) {
      if (ins.getKeyword() !== 'ENV') continue;
      const ps = pairs(m, ins);
      if (ps.length < 2 || ps[0].legacy) continue;
      const before = lookupAt(m, ins, true);
      const stage = stageOf(m, ins);
      const chain = stage ? stageChain(stage) : [];
      const external = !chain.length || !chain[chain.length - 1].scratch;
      // the first pair setting each name (a Map: a generated ENV can hold thousands of pairs)
      const first = new Map<string, number>();
      ps.forEach((p, i) => {
        if (!first.has(p.name)) first.set(p.name, i);
      });
      for (let k = 0; k < ps.length; k++) {
        const p = ps[k];
        if (p.raw === undefined) continue;
        const x = expand(p.raw, p.valueStart!, () => undefined, { escapeChar: m.escapeChar });
        let reported = false;
        for (const r of x.refs) {
          const j = first.get(r.name) ?? -1;
          if (j < 0 || j === k || before(r.name) || (external && isCommonImageEnv(r.name))) continue;
          const earlier = j < k;
          const prev = k > 0 ? ps[k - 1] : undefined;
          const fixes =
            prev && earlier && !reported
              ? [{ title: `Set ${p.name} in a second ENV, after ${r.name}`, safe: false, edits: [{ range: m.lines.rangeOf(prev.valueEnd ?? prev.nameEnd, p.nameStart), newText: `\n${ins.getInstruction()} ` }] }]
              : [];
          reported = true;
          ctx.report({
            range: m.lines.rangeOf(r.start, r.end),
            message: `$${r.name} is set by this same ENV, so here it still has its value from before the instruction (${earlier ? 'unset' : 'unset, and it is set only later in the line'}). Set ${r.name} in an earlier ENV.`,
            fixes,
          });
        }
      }
    }
  },
});

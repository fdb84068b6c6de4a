import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { argsOf } from '../instructions';

/** `FROM x as y` / `from x AS y`: the AS keyword should have the case of FROM. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR002', name: 'from-as-casing', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['FromAsCasing'] },
  check(m, ctx) {
    for (const stage of m.stages) {
      const args = argsOf(stage.from);
      if (args.length !== 3) continue;
      const as = args[1].getValue();
      if (as.toLowerCase() !== 'as') continue;
      const from = stage.from.getInstruction();
      const upper = from === from.toUpperCase();
      const lower = from === from.toLowerCase();
      if (!upper && !lower) continue; // mixed-case FROM: the instruction casing rule speaks
      const want = upper ? 'AS' : 'as';
      if (as === want) continue;
      ctx.report({
        range: args[1].getRange(),
        message: `"${as}" does not match the case of "${from}"; write "${want}".`,
        fixes: [{ title: `Write "${want}"`, safe: true, edits: [{ range: args[1].getRange(), newText: want }] }],
      });
    }
  },
});

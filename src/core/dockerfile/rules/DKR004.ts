import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { INSTRUCTION_SET } from '../instructions';

/** Instruction keywords in a different case than most of the file (`From`, or `run` among upper-case ones). */
export default defineRule<DockerfileModel>({
  meta: {
    code: 'DKR004',
    name: 'instruction-casing-inconsistent',
    kind: 'dockerfile',
    severity: 'warning',
    fix: 'safe',
    aliases: ['ConsistentInstructionCasing'],
  },
  check(m, ctx) {
    let lower = 0;
    let upper = 0;
    const known = m.instructions.filter((i) => INSTRUCTION_SET.has(i.getKeyword()));
    for (const ins of known) {
      const w = ins.getInstruction();
      if (w === w.toLowerCase()) lower++;
      else if (w === w.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    for (const ins of known) {
      const w = ins.getInstruction();
      const want = majorityLower ? w.toLowerCase() : w.toUpperCase();
      if (w === want) continue;
      ctx.report({
        range: ins.getInstructionRange(),
        message: `"${w}" does not match the ${majorityLower ? 'lower' : 'upper'}-case instructions of this file; write "${want}".`,
        fixes: [{ title: `Write "${want}"`, safe: true, edits: [{ range: ins.getInstructionRange(), newText: want }] }],
      });
    }
  },
});

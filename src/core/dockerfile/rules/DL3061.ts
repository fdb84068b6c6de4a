import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { INSTRUCTION_SET } from '../instructions';

/** Before the first FROM only ARG (and comments) may appear; anything else has no stage to run in. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3061', name: 'instruction-before-from', kind: 'dockerfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    if (!m.stages.length) return;
    for (const ins of m.preamble) {
      const kw = ins.getKeyword();
      if (kw === 'ARG' || !INSTRUCTION_SET.has(kw)) continue;
      ctx.report({
        range: ins.getInstructionRange(),
        message: `${kw} comes before the first FROM; only ARG may precede it, so Docker has no stage to apply it to.`,
      });
    }
  },
});

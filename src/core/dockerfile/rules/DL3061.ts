import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { INSTRUCTION_SET } from '../instructions';

/**
 * Before the first FROM only ARG (and comments) may appear; anything else has no stage to run in. A file without any
 * FROM gets one finding per such instruction too, as in hadolint (Docker refuses the file).
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3061', name: 'instruction-before-from', kind: 'dockerfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    // In a template, an expression or include before the instruction may render the FROM (or the file is a piece
    // of a larger template): the file cannot know, so it stays silent there.
    const tags = m.template ? m.template.tags.filter((t) => t.type !== 'comment') : [];
    for (const ins of m.preamble) {
      const kw = ins.getKeyword();
      if (kw === 'ARG' || !INSTRUCTION_SET.has(kw)) continue;
      if (m.template && (!m.stages.length || tags.some((t) => t.start < m.lines.offsetAt(ins.getRange().start)))) continue;
      ctx.report({
        range: ins.getInstructionRange(),
        message: m.stages.length
          ? `${kw} comes before the first FROM; only ARG may precede it, so Docker has no stage to apply it to.`
          : `${kw} has no FROM before it, and this file has no FROM at all: Docker refuses a Dockerfile without a stage.`,
      });
    }
  },
});

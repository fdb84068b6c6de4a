import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { inherited, outputStages } from '../stages';

/** Off by default (hadolint's choice): a stage that produces an image has no HEALTHCHECK, itself or inherited in this file. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3057', name: 'stage-healthcheck-missing', kind: 'dockerfile', severity: 'off', fix: 'none' },
  check(m, ctx) {
    for (const stage of outputStages(m)) {
      if (inherited(stage).some((i) => i.getKeyword() === 'HEALTHCHECK')) continue;
      ctx.report({
        range: stage.from.getInstructionRange(),
        message: `Stage ${stage.nameText ? `"${stage.nameText}"` : stage.index} has no HEALTHCHECK.`,
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { outputStages } from '../stages';
import { effectiveLabels } from '../labels';

/** A label the label schema requires is missing from a stage that produces an image (inherited labels count). */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3049', name: 'label-missing', kind: 'dockerfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const required = Object.keys(ctx.config.dockerfile.labelSchema);
    if (!required.length) return;
    for (const stage of outputStages(m)) {
      const have = effectiveLabels(m, stage);
      for (const name of required) {
        if (have.has(name)) continue;
        ctx.report({
          range: stage.from.getInstructionRange(),
          message: `The label schema requires "${name}", which ${stage.nameText ? `stage "${stage.nameText}"` : 'this stage'} does not set.`,
        });
      }
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { stageLabels } from '../labels';

/** With strict labels on, a label that is not in the label schema. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3050', name: 'label-not-in-schema', kind: 'dockerfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const { labelSchema, strictLabels } = ctx.config.dockerfile;
    if (!strictLabels) return;
    for (const list of stageLabels(m).values()) {
      for (const l of list) {
        if (l.name in labelSchema || l.name.includes('\uFFFF')) continue;
        ctx.report({ range: l.nameRange, message: `Label "${l.name}" is not in the label schema, and strict labels are on.` });
      }
    }
  },
});

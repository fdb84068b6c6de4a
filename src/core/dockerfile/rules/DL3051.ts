import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { stageLabels } from '../labels';

/** A label of the label schema set to an empty value. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3051', name: 'label-empty', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const schema = ctx.config.dockerfile.labelSchema;
    for (const list of stageLabels(m).values()) {
      for (const l of list) {
        if (!(l.name in schema) || l.value !== '') continue;
        ctx.report({ range: l.raw ? l.valueRange : l.nameRange, message: `Label "${l.name}" is empty.` });
      }
    }
  },
});

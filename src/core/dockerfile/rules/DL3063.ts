import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';

/** Stage names Docker reserves: `scratch` (the empty image) and `context` (the build context). */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3063', name: 'stage-name-reserved', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['ReservedStageName'] },
  check(m, ctx) {
    for (const stage of m.stages) {
      if (!stage.nameRange || (stage.name !== 'scratch' && stage.name !== 'context')) continue;
      ctx.report({
        range: stage.nameRange,
        message: `"${stage.nameText}" is a reserved name (${stage.name === 'scratch' ? 'the empty base image' : 'the build context'}); pick another stage name.`,
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { analysis, baseOf } from '../analysis';
import { invalidReference } from '../image';
import { expansionRange, via } from '../report';

/** FROM image:latest — the base image changes under you. A digest next to the tag pins it, so that is fine. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3007', name: 'image-tag-latest', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['DS-0001', 'CKV_DOCKER_7'] },
  check(m, ctx) {
    const global = analysis(m).global;
    for (const stage of m.stages) {
      const base = baseOf(m, stage);
      const ref = base.ref;
      if (!ref || base.stage || base.scratch || !ref.tag || ref.digest || ref.tag.text !== 'latest') continue;
      if (invalidReference(base.expansion.value)) continue;
      const x = base.expansion;
      const range = expansionRange(m, x, ref.tag.start, ref.tag.end);
      if (!range) continue;
      const name = ref.repository.text;
      const how = x.refs.length ? ` ("${stage.image!.raw}"${via(x, (n) => global.get(n))})` : '';
      ctx.report({
        range,
        message: `Base image "${name}" uses the moving "latest" tag${how}; pin a version so builds are repeatable.`,
      });
    }
  },
});

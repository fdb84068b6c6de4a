import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { analysis, baseOf } from '../analysis';
import { invalidReference } from '../image';
import { expansionRange, shown, via } from '../report';

/** FROM without a tag (or digest): Docker pulls whatever `latest` is that day. Stage aliases, scratch and unknowable ARGs are exempt. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3006', name: 'image-tag-missing', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['CKV_DOCKER_7'] },
  check(m, ctx) {
    const global = analysis(m).global;
    for (const stage of m.stages) {
      const base = baseOf(m, stage);
      const ref = base.ref;
      if (!ref || base.stage || base.scratch || ref.tag || ref.digest || ref.tagUnknown || ref.repository.unknown) continue;
      if (invalidReference(base.expansion.value)) continue; // not an image name at all (a template, a placeholder): DL1000/DKR008's business
      const x = base.expansion;
      const range = expansionRange(m, x, 0, x.value.length) ?? stage.image!.range;
      const resolved = x.refs.length ? ` resolves to "${shown(x.value)}"${via(x, (n) => global.get(n))} and` : '';
      ctx.report({
        range,
        message: `Base image "${stage.image!.raw}"${resolved} has no tag, so Docker pulls "${shown(x.value)}:latest", whatever that points to on the day of the build; pin a version tag or a digest.`,
      });
    }
  },
});

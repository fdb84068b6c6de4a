import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';

/** FROM image:latest — the base image changes under you. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3007', name: 'image-tag-latest', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['DS001'] },
  check(m, ctx) {
    const aliases = new Set<string>();
    for (const stage of m.stages) {
      const from = stage.from;
      const image = from.getImageName();
      const tag = from.getImageTag();
      const tagRange = from.getImageTagRange();
      if (image && tag === 'latest' && tagRange && !from.getImageDigest() && !aliases.has(image.toLowerCase())) {
        ctx.report({
          range: tagRange,
          message: `Base image "${image}" uses the moving "latest" tag; pin a version so builds are repeatable.`,
        });
      }
      if (stage.name) aliases.add(stage.name);
    }
  },
});

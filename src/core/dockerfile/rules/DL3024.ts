import { defineRule } from '../../rule';
import type { DockerfileModel, Stage } from '../model';

/** Two stages with the same name (Docker compares them in lower case): FROM and --from bind to different ones. */
export default defineRule<DockerfileModel>({
  meta: {
    code: 'DL3024',
    name: 'stage-name-duplicate',
    kind: 'dockerfile',
    severity: 'error',
    fix: 'none',
    aliases: ['DuplicateStageName', 'DS-0012', 'CKV_DOCKER_11'],
  },
  check(m, ctx) {
    const seen = new Map<string, Stage>();
    for (const stage of m.stages) {
      if (!stage.name || !stage.nameRange) continue;
      const first = seen.get(stage.name);
      if (first) {
        ctx.report({
          range: stage.nameRange,
          message: `The stage name "${stage.nameText}" is already used on line ${first.startLine + 1}; stage names must be unique.`,
          related: [{ message: 'first stage with this name', range: first.nameRange ?? first.from.getRange() }],
        });
      } else seen.set(stage.name, stage);
    }
  },
});

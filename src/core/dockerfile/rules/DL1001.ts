import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { parseDirective } from '../../suppress';
import { parseHadolintPragma } from '../pragmas';

/** Off by default: for teams that forbid inline ignore pragmas (`# hadolint ignore=`, `# devops-guidance ignore=`). */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL1001', name: 'inline-ignore-pragma', kind: 'dockerfile', severity: 'off', fix: 'none' },
  check(m, ctx) {
    for (const c of m.comments) {
      const d = parseDirective(c.text) ?? parseHadolintPragma(c.text);
      if (!d) continue;
      ctx.report({
        range: c.range,
        message: `Ignore pragma for ${d.codes.join(', ')}: this project does not allow silencing rules inline; fix the finding or change the configuration.`,
      });
    }
  },
});

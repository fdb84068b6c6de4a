import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { checkLabelType } from '../labelschema';
import { isGitHash } from '../labels';

/** A label the label schema types as hash whose value is not a git commit hash. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3055', name: 'label-not-git-hash', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    checkLabelType(m, ctx, 'hash', isGitHash, (l) => `Label "${l.name}" is "${l.value}", which is not a git commit hash.`);
  },
});

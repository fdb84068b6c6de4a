import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { checkLabelType } from '../labelschema';
import { isSemver } from '../labels';

/** A label the label schema types as semver whose value is not a semantic version (1.2.3). */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3056', name: 'label-not-semver', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    checkLabelType(m, ctx, 'semver', isSemver, (l) => `Label "${l.name}" is "${l.value}", which is not a semantic version (1.2.3).`);
  },
});

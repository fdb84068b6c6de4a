import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { checkLabelType } from '../labelschema';
import { isUrl } from '../labels';

/** A label the label schema types as url whose value is not a valid URL. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3052', name: 'label-not-url', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    checkLabelType(m, ctx, 'url', isUrl, (l) => `Label "${l.name}" is "${l.value}", which is not a valid URL.`);
  },
});

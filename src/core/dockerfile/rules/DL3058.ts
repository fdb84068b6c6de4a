import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { checkLabelType } from '../labelschema';
import { isEmail } from '../labels';

/** A label the label schema types as email whose value is not an e-mail address. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3058', name: 'label-not-email', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    checkLabelType(m, ctx, 'email', isEmail, (l) => `Label "${l.name}" is "${l.value}", which is not an e-mail address.`);
  },
});

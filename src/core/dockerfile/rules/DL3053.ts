import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { checkLabelType } from '../labelschema';
import { isRfc3339 } from '../labels';

/** A label the label schema types as rfc3339 whose value is not an RFC 3339 date and time (2024-05-01T12:00:00Z). */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3053', name: 'label-not-rfc3339', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    checkLabelType(m, ctx, 'rfc3339', isRfc3339, (l) => `Label "${l.name}" is "${l.value}", which is not an RFC 3339 date and time (2024-05-01T12:00:00Z).`);
  },
});

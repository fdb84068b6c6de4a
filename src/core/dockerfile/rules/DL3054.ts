import parseSpdx from 'spdx-expression-parse';
import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { checkLabelType } from '../labelschema';

/** An SPDX license expression (`MIT`, `Apache-2.0 OR MIT`, `GPL-2.0-only WITH Classpath-exception-2.0`). */
export function isSpdx(v: string): boolean {
  try {
    parseSpdx(v);
    return true;
  } catch {
    return false;
  }
}

/** A label the label schema types as spdx whose value is not an SPDX license expression. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3054', name: 'label-not-spdx', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    checkLabelType(m, ctx, 'spdx', isSpdx, (l) => `Label "${l.name}" is "${l.value}", which is not an SPDX license identifier or expression (MIT, Apache-2.0, GPL-3.0-only).`);
  },
});

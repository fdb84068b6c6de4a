import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';

/** Ruby syntax errors, as Prism reports them; the rest of the file is still checked as far as it parses. */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT005', name: 'ruby-syntax-error', kind: 'vagrantfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    for (const e of m.syntaxErrors) {
      ctx.report({ range: e.range, message: `Ruby syntax error: ${e.message.replace(/\.$/, "")}. Vagrant cannot load this file until it is fixed.` });
    }
  },
});

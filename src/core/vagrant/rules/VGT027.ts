import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';

/**
 * `for i in 1..3` around `config.vm.define ... do |node| ... i ... end`: Vagrant runs the define blocks later, after
 * the loop, and a `for` loop shares one variable, so every machine sees the last value. `(1..3).each do |i|`
 * gives each iteration its own variable.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT027', name: 'for-loop-variable-captured', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const c of m.forLoopCaptures) {
      ctx.report({
        range: c.use,
        message: `"${c.variable}" comes from a for loop, and Vagrant runs this define block only after the loop has finished: every machine sees its last value. Loop with (..).each do |${c.variable}| instead.`,
        related: [{ message: 'the for loop', range: c.forRange }],
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { kwarg } from '../helpers';

/** More than one machine marked `primary: true`: only one can be the default target of `vagrant ssh` and friends. */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT028', name: 'primary-machine-duplicate', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const primaries = m.defines.filter((d) => {
      const p = kwarg(d.call, 'primary')?.value;
      return p?.kind === 'boolean' && p.value && d.call.flow.level === d.scope.parent!.flow.level && d.scope.configure.apiVersion !== 1;
    });
    const looped = m.defines.find((d) => {
      const p = kwarg(d.call, 'primary')?.value;
      return p?.kind === 'boolean' && p.value && d.call.flow.loop;
    });
    for (const d of primaries.slice(1)) {
      const p = kwarg(d.call, 'primary')!;
      ctx.report({
        range: p.range,
        message: `Machine ${d.name.kind === 'string' || d.name.kind === 'symbol' ? `"${d.name.value}" ` : ''}is marked primary, like the one on line ${primaries[0].call.range.start.line + 1}; only one machine can be primary. Keep one.`,
        related: [{ message: 'the first primary machine', range: kwarg(primaries[0].call, 'primary')!.range }],
      });
    }
    if (looped) {
      const p = kwarg(looped.call, 'primary')!;
      ctx.report({
        range: p.range,
        message: 'primary: true inside a loop marks every machine the loop defines as primary; only one machine can be. Set it for one of them (primary: i == 1).',
      });
    }
  },
});

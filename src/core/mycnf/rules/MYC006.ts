import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix } from '../report';
import { suggestGroup } from '../groups';

/** A group no program reads that is one or two letters from one they do: a typo hides every option under it. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC006', name: 'group-name-unknown', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    for (const g of m.groups) {
      if (g.role !== 'unknown' || !g.closed || !g.name.trim() || g.name !== g.name.trimStart()) continue;
      const s = suggestGroup(g.name, m.target.target);
      if (!s.length) continue;
      const n = g.options.length;
      ctx.report({
        input: g.source,
        range: g.nameRange,
        message: `No program reads a group called [${g.name}]${n ? `, so its ${n} option${n > 1 ? 's are' : ' is'} ignored` : ''}. Did you mean [${s.join('] or [')}]?`,
        fixes: s.map((x) => fix(`Change to [${x}]`, false, { range: g.nameRange, newText: x })),
      });
    }
  },
});

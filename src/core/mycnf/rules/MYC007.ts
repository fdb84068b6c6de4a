import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { flavorOf, targetLabel } from '../groups';

/** [mysqld-8.0] with an 8.4 target (and the like): the target server skips the group. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC007', name: 'group-for-other-version', kind: 'mycnf', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const t = m.target.target;
    for (const g of m.groups) {
      if (g.role !== 'other-server' || !g.options.length) continue;
      const v = /^(mysqld|mariadb|mariadbd)-(\d+\.\d+)$/.exec(g.key);
      if (!v) continue;
      const groupFlavor = v[1] === 'mysqld' && !/^1\d\./.test(v[2]) ? 'mysql' : 'mariadb';
      if (groupFlavor !== flavorOf(t)) continue;
      const n = g.options.length;
      ctx.report({
        input: g.source,
        range: g.nameRange,
        message: `[${g.name}] is read only by ${groupFlavor === 'mysql' ? 'MySQL' : 'MariaDB'} ${v[2]} servers. The target is ${targetLabel(t)} (${m.target.reason}), which skips its ${n} option${n > 1 ? 's' : ''}: after an upgrade they silently stop applying.`,
      });
    }
  },
});

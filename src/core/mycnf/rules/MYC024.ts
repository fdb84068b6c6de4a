import { knownThroughout, targetStated } from '../fixsafety';
import { checkable } from '../checkable';
import { flavorOf } from '../groups';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix, renameEdit } from '../report';

/** MariaDB accepts a unique beginning of an option name (max_conn → max_connections); MySQL does not. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC024', name: 'option-abbreviated', kind: 'mycnf', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    for (const { o, target } of checkable(m)) {
      if (!o.abbreviationOf?.length || flavorOf(target) !== 'mariadb') continue;
      const all = o.abbreviationOf;
      if (all.length === 1) {
        ctx.report({
          input: o.source,
          range: o.baseRange,
          message: `${o.text} is short for ${all[0]}. MariaDB accepts an unambiguous beginning of a name (with a note that it is error-prone, and not at all with --skip-getopt-prefix-matching), but MySQL does not, and a later option with the same beginning makes it ambiguous: write ${all[0]}.`,
          // which option a beginning stands for depends on the server's list: safe only for a stated target
          fixes: [fix(`Write ${all[0]}`, targetStated(m) && knownThroughout(m, target, all[0]), renameEdit(o, all[0]))],
        });
      } else {
        const shown = all.slice(0, 4).join(', ') + (all.length > 4 ? ', ...' : '');
        ctx.report({
          input: o.source,
          range: o.baseRange,
          message: `${o.text} is the beginning of several options (${shown}). MariaDB either picks one without saying which or stops with "ambiguous option"; for an InnoDB option that disables InnoDB altogether. Write the full name.`,
          severity: 'error',
          fixes: all.slice(0, 3).map((x) => fix(`Write ${x}`, false, renameEdit(o, x))),
        });
      }
    }
  },
});

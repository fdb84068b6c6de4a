import { checkable, serverLabel } from '../checkable';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { deleteLineEdit, fix } from '../report';
import { flavorOf } from '../groups';
import { loadRef } from '../refs';

/** maximum-X on a global-only variable: the server rejects it. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC026', name: 'maximum-prefix-invalid', kind: 'mycnf', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    for (const { o, target } of checkable(m)) {
      if (!o.prefixes.includes('maximum') || !o.info) continue;
      // MariaDB's reference says what the server itself does; otherwise a global-only variable cannot be capped
      // (MariaDB's reference has no scopes: MySQL's scope of the same variable is a good stand-in)
      if (o.info.maximumPrefix === true) continue;
      if (o.info.maximumPrefix !== false) {
        const scope = o.info.scope ?? (flavorOf(target) === 'mariadb' ? loadRef('mysql-8.4')?.lookup(o.info.name)?.scope : undefined);
        if (scope !== 'global') continue;
      }
      ctx.report({
        input: o.source,
        range: o.nameRange,
        message: `maximum- caps what a session may set, but ${o.info.name} has no session value: ${serverLabel(m, target)} refuses it ("Maximum value of '${o.info.name}' cannot be set").`,
        fixes: [fix('Remove the line', false, deleteLineEdit(o))],
      });
    }
  },
});

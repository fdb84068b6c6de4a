import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { deleteLineEdit, fix } from '../report';
import { boolOf } from '../values';

/** skip-grant-tables or skip-networking in a server group: recovery switches left in the configuration. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC084', name: 'maintenance-switch-left-on', kind: 'mycnf', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    for (const o of m.server.options) {
      if (o.prefixes.includes('loose') && !o.info) continue;
      if (o.name !== 'skip_grant_tables' && o.name !== 'skip_networking') continue;
      if (boolOf(o) === false) continue;
      const remove = [fix(`Remove ${o.text}`, false, deleteLineEdit(o))];
      if (o.name === 'skip_grant_tables') {
        ctx.report({
          input: o.source,
          range: o.nameRange,
          message: `${o.text} starts the server without its privilege tables: anyone who can reach it logs in as any user, without a password, with every privilege (MySQL 8.0 and later also switch TCP off while it is on). It is a one-time recovery switch for the command line, not a setting to keep in an option file.`,
          fixes: remove,
        });
      } else {
        ctx.report({
          input: o.source,
          range: o.nameRange,
          message: `${o.text} turns TCP/IP off: only clients on this machine, through the socket, can connect, so replicas, cluster nodes, monitoring and remote applications cannot. To keep the server private, listen on the loopback address instead (bind_address = 127.0.0.1).`,
          severity: 'warning',
          fixes: remove,
        });
      }
    }
  },
});

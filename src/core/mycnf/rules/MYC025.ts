import { CLIENT_ONLY_OPTIONS, SHARED_CLIENT_SERVER } from '../names';
import { loadRef } from '../refs';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { deleteLineEdit, fix } from '../report';

const ALL_CLIENTS = new Set(['client', 'client-mariadb']);

/** A server option in [client]: every client program reads that group and refuses options it does not know. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC025', name: 'server-option-in-client-group', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const ref = loadRef(m.target.target);
    if (!ref) return;
    for (const o of m.options) {
      if (!o.group || !ALL_CLIENTS.has(o.group.key) || o.prefixes.includes('loose')) continue;
      const base = o.norm.toLowerCase().replace(/^(skip|disable|enable)_/, '');
      if (SHARED_CLIENT_SERVER.has(base) || CLIENT_ONLY_OPTIONS.has(base) || base.startsWith('ssl_') || base.startsWith('tls_')) continue;
      const info = ref.lookup(base);
      if (!info || info.removed !== undefined) continue;
      ctx.report({
        input: o.source,
        range: o.nameRange,
        message: `${o.text} is a server option, but [${o.group.name}] is read by every client program (mysql, mysqldump, mysqladmin...), which refuse options they do not know ("unknown variable") and stop. Move it to [mysqld].`,
        fixes: [fix('Remove it from [client]', false, deleteLineEdit(o))],
      });
    }
  },
});

import { facts } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix } from '../report';

/** MariaDB with a Galera provider and cluster address but without wsrep_on=ON: the node runs standalone. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC088', name: 'galera-wsrep-on-missing', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (f.flavor !== 'mariadb' || m.target.guessed || m.server.get('wsrep_on') || f.partial) return;
    const provider = m.server.get('wsrep_provider');
    const address = m.server.get('wsrep_cluster_address');
    if (!provider?.value?.trim() || provider.value.trim().toLowerCase() === 'none' || !address?.value?.trim()) return;
    ctx.report({
      input: provider.source,
      range: provider.nameRange,
      message: `wsrep_provider and wsrep_cluster_address are set, but wsrep_on is not: MariaDB (since 10.1) starts Galera replication only with wsrep_on=ON, so this node runs on its own and its writes reach no other node.`,
      fixes: addOptionFix(m, 'Add wsrep_on = ON', 'wsrep_on', 'ON', provider),
    });
  },
});

import { facts } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** Galera switched on without a provider library or a cluster address: the node runs alone. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC081', name: 'wsrep-settings-incomplete', kind: 'mycnf', severity: 'error', fix: 'none' },
  check(m, ctx) {
    const f = facts(m);
    if (!f.galera || f.partial) return;
    const provider = m.server.get('wsrep_provider');
    const address = m.server.get('wsrep_cluster_address');
    const missing: string[] = [];
    if (!provider || !(provider.value ?? '').trim() || (provider.value ?? '').trim().toLowerCase() === 'none') missing.push(provider ? `wsrep_provider is ${provider.value?.trim() ? provider.value : 'empty'}` : 'wsrep_provider is not set');
    if (!address || !(address.value ?? '').trim()) missing.push(address ? 'wsrep_cluster_address is empty' : 'wsrep_cluster_address is not set');
    if (!missing.length) return;
    const at = f.galera;
    ctx.report({
      input: at.source,
      range: at.nameRange,
      message: `${at.text} sets this node up for Galera, but ${missing.join(' and ')}: without the provider library (libgalera_smm.so) and the gcomm:// addresses of the other nodes, the node runs on its own and nothing is replicated.`,
    });
  },
});

import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** wsrep_cluster_address=gcomm:// (no hosts): the node starts a new cluster every time. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC082', name: 'galera-bootstrap-address', kind: 'mycnf', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const o = m.server.get('wsrep_cluster_address');
    if (!o?.hasValue || !o.valueRange) return;
    const v = (o.value ?? '').trim();
    if (!/^gcomm:\/\/(\?.*)?$/i.test(v)) return;
    ctx.report({
      input: o.source,
      range: o.valueRange,
      message: 'An empty gcomm:// address bootstraps a new cluster instead of joining one. Left in the configuration, this node starts its own cluster at every restart, and the nodes split into clusters with different data. List the other nodes (gcomm://node1,node2,node3) and bootstrap once by hand (galera_new_cluster).',
    });
  },
});

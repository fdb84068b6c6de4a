import { facts, isOn } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix } from '../report';

/** read_only without super_read_only: administrative accounts can still write to the replica. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC057', name: 'read-only-without-super-read-only', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (f.flavor !== 'mysql') return;
    const ro = m.server.get('read_only');
    if (!isOn(ro) || m.server.get('super_read_only') || f.partial) return;
    ctx.report({
      input: ro!.source,
      range: ro!.nameRange,
      message: 'read_only stops ordinary accounts, but accounts with SUPER or CONNECTION_ADMIN (administrators, many tools) can still write, and a stray write on a replica breaks replication or GTID failover later. super_read_only=ON blocks them too.',
      fixes: addOptionFix(m, 'Add super_read_only = ON', 'super_read_only', 'ON', ro),
    });
  },
});

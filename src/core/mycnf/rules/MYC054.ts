import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** auto_increment_increment/offset set for writing on several servers at once (dual-source, ring). */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC054', name: 'multi-writer-auto-increment', kind: 'mycnf', severity: 'info', fix: 'none', aliases: ['auto_increment'] },
  check(m, ctx) {
    const f = facts(m);
    if (f.galera || f.groupReplication) return;
    const inc = m.server.get('auto_increment_increment');
    const n = num(m, 'auto_increment_increment');
    if (!inc || n === undefined || n <= 1) return;
    ctx.report({
      input: inc.source,
      range: inc.valueRange!,
      message: `auto_increment_increment=${n} prepares this server for writes on several sources at once (dual-source or ring replication). Distinct key ranges avoid duplicate ids, but nothing detects conflicting updates to the same rows, and a broken ring is hard to repair. Prefer one writable source with failover; if you must write on two, keep the writes apart by application.`,
    });
  },
});

import { facts } from '../facts';
import type { CnfOption, MycnfModel } from '../model';
import { defineRule } from '../../rule';
import { addOptionFix, setValueFix } from '../report';

/** Replication metadata in FILE repositories: not crash-safe (MySQL 5.7's default). */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC046', name: 'replication-repository-not-table', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (f.flavor !== 'mysql') return;
    let sawAny = false;
    for (const key of ['master_info_repository', 'relay_log_info_repository']) {
      const o: CnfOption | undefined = m.server.get(key);
      if (!o) continue;
      sawAny = true;
      if (o.info?.removed !== undefined) continue;
      if ((o.value ?? '').trim().toUpperCase() !== 'FILE') continue;
      ctx.report({
        input: o.source,
        range: o.valueRange!,
        message: `${o.text}=FILE keeps the replication position in a file that is not updated in the same transaction as the data, so after a crash the replica may re-apply or skip transactions. Use TABLE (the only choice from MySQL 8.0.23 on).`,
        fixes: setValueFix(o, 'TABLE'),
      });
    }
    // 5.7 defaults to FILE: a replica there needs both set to TABLE.
    if (f.mysql8 || sawAny || !f.replica || !f.replicaStrong || f.partial) return;
    ctx.report({
      input: f.replica.source,
      range: f.replica.nameRange,
      message: `${f.replica.text} makes this a replica, and MySQL 5.7 keeps its replication position in FILE repositories by default, which are not crash-safe. Set master_info_repository=TABLE and relay_log_info_repository=TABLE (with relay_log_recovery=ON).`,
      fixes: addOptionFix(m, 'Add relay_log_info_repository = TABLE', 'relay_log_info_repository', 'TABLE', f.replica),
    });
  },
});

import { facts } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { deleteLineEdit, fix } from '../report';
import { overridesEverywhere } from '../fixsafety';

/** innodb_redo_log_capacity together with the legacy redo size options: the legacy ones are ignored. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC062', name: 'redo-log-size-ignored', kind: 'mycnf', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    if (facts(m).flavor !== 'mysql') return;
    const cap = m.server.get('innodb_redo_log_capacity');
    if (!cap || !cap.info) return;
    // with loose-innodb_redo_log_capacity, a release before 8.0.30 skips it and sizes the redo log with these lines
    const safe = overridesEverywhere(m, m.target.target, cap);
    for (const k of ['innodb_log_file_size', 'innodb_log_files_in_group']) {
      const o = m.server.get(k);
      if (!o) continue;
      ctx.report({
        input: o.source,
        range: o.nameRange,
        message: `${o.text} is ignored because innodb_redo_log_capacity is set: since MySQL 8.0.30 the capacity alone sizes the redo log. Remove this line so nobody tunes a value that has no effect.`,
        related: [{ message: 'innodb_redo_log_capacity', range: cap.range, ...(m.sources[cap.source].main ? {} : { file: m.sources[cap.source].path }) }],
        fixes: [fix(`Remove ${o.text}`, safe, deleteLineEdit(o))],
      });
    }
  },
});

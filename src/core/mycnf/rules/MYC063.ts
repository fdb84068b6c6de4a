import { atLeast, facts, num, numOr } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { humanSize } from '../values';

const SMALL = 64 * 1024 ** 2;

/** A redo log so small that InnoDB keeps forcing checkpoints: writes stall. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC063', name: 'redo-log-too-small', kind: 'mycnf', severity: 'info', fix: 'none', aliases: ['innodb_log_file_size'] },
  check(m, ctx) {
    const f = facts(m);
    const cap = f.flavor === 'mysql' && atLeast(m, '8.0') ? m.server.get('innodb_redo_log_capacity') : undefined;
    let total: number | undefined;
    let at = cap;
    if (cap) total = num(m, 'innodb_redo_log_capacity');
    else {
      const size = m.server.get('innodb_log_file_size');
      const files = f.flavor === 'mysql' ? m.server.get('innodb_log_files_in_group') : undefined;
      if (!size && !files) return;
      at = size ?? files;
      const sz = num(m, 'innodb_log_file_size') ?? (size ? undefined : 48 * 1024 ** 2);
      if (sz === undefined) return;
      total = sz * (f.flavor === 'mysql' ? numOr(m, 'innodb_log_files_in_group', 2) : 1);
    }
    if (!at || total === undefined || total >= SMALL) return;
    ctx.report({
      input: at.source,
      range: at.valueRange ?? at.nameRange,
      message: `The redo log totals only ${humanSize(total)}: under a steady write load InnoDB must flush dirty pages constantly to free redo space, and writes stall while it does. Small is good for crash recovery, but not this small: a few hundred MB to a few GB suits most servers.`,
    });
  },
});

import { facts } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** The binary log switched off: no replication, no point-in-time recovery. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC069', name: 'binlog-disabled', kind: 'mycnf', severity: 'info', fix: 'none', aliases: ['log_bin'] },
  check(m, ctx) {
    const f = facts(m);
    if (f.binlog.on || !f.binlog.off || f.galera) return;
    ctx.report({
      input: f.binlog.off.source,
      range: f.binlog.off.nameRange,
      message: `${f.binlog.off.text} switches the binary log off: this server cannot be a replication source, and a backup can only be restored to the moment it was taken (no point-in-time recovery). That is fine for a throwaway or development server; keep the binary log on for anything that matters.`,
    });
  },
});

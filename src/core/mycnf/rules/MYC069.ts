import { facts } from '../facts';
import { defineMycnfRule } from '../report';

/** The binary log switched off: no replication, no point-in-time recovery. */
export default defineMycnfRule({
  meta: { code: 'MYC069', name: 'binlog-disabled', severity: 'info', fix: 'none', aliases: ['log_bin'] },
  check(m, report) {
    const f = facts(m);
    if (f.binlog.on || !f.binlog.off || f.galera) return;
    report(f.binlog.off, f.binlog.off.nameRange, `${f.binlog.off.text} switches the binary log off: this server cannot be a replication source, and a backup can only be restored to the moment it was taken (no point-in-time recovery). That is fine for a throwaway or development server; keep the binary log on for anything that matters.`);
  },
});

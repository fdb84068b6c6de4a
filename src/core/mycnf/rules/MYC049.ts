import { facts, isOn } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix, fix, insertLineAfter, optionLine } from '../report';
import { matchEnum } from '../values';

/** A MySQL replication member without GTIDs: failover by file and position instead of SOURCE_AUTO_POSITION. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC049', name: 'gtid-mode-off', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (f.flavor !== 'mysql' || f.galera) return;
    const semisync = m.server.options.find((o) => /^rpl_semi_sync_(source|master|replica|slave)_enabled$/.test(o.name) && isOn(o));
    const member = f.groupReplication ?? (f.replicaStrong ? f.replica : undefined) ?? semisync;
    if (!member) return;
    const g = m.server.get('gtid_mode');
    const mode = g?.hasValue ? matchEnum(g.value ?? '', ['OFF', 'OFF_PERMISSIVE', 'ON_PERMISSIVE', 'ON'])?.value : g ? undefined : 'OFF';
    if (mode === 'ON' || mode === undefined) return;
    if (!g && f.partial) return;
    if (f.groupReplication) {
      ctx.report({
        input: (g ?? member).source,
        range: g?.valueRange ?? member.nameRange,
        message: `Group Replication requires gtid_mode=ON and enforce_gtid_consistency=ON; ${g ? `gtid_mode is ${mode}` : 'gtid_mode is not set (OFF)'}, so the member cannot join the group.`,
        severity: 'error',
        fixes: g ? undefined : addOptionFix(m, 'Add gtid_mode = ON and enforce_gtid_consistency = ON', 'gtid_mode', `ON\n${optionLine(m, 'enforce_gtid_consistency', 'ON')}`, member),
      });
      return;
    }
    const msg = `${g ? `gtid_mode=${mode}` : 'gtid_mode is not set (OFF)'} on a replication member: without GTIDs, failover and re-pointing replicas depend on binary log file names and positions, which differ on every server. With gtid_mode=ON and enforce_gtid_consistency=ON a replica finds its place by itself (SOURCE_AUTO_POSITION=1). Switching a running topology goes OFF → OFF_PERMISSIVE → ON_PERMISSIVE → ON, one step at a time.`;
    const at = g ?? member;
    const fixes = !g && member.source === 0 ? [fix('Add gtid_mode = ON and enforce_gtid_consistency = ON', false, insertLineAfter(m, member.line, `${optionLine(m, 'gtid_mode', 'ON')}\n${optionLine(m, 'enforce_gtid_consistency', 'ON')}`))] : undefined;
    ctx.report({ input: at.source, range: g?.valueRange ?? at.nameRange, message: msg, fixes });
  },
});

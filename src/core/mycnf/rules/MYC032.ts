import { facts } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix, setValueFix } from '../report';
import { matchEnum } from '../values';

/** gtid_mode=ON needs enforce_gtid_consistency=ON: without it MySQL refuses to start. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC032', name: 'gtid-without-enforce-consistency', kind: 'mycnf', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    if (facts(m).flavor !== 'mysql') return;
    const g = m.server.get('gtid_mode');
    if (!g?.hasValue) return;
    const mode = matchEnum(g.value ?? '', ['OFF', 'OFF_PERMISSIVE', 'ON_PERMISSIVE', 'ON'])?.value;
    if (mode !== 'ON' && mode !== 'ON_PERMISSIVE') return;
    const e = m.server.get('enforce_gtid_consistency');
    let enforce = 'OFF';
    if (e) {
      if (e.prefixes.includes('skip') || e.prefixes.includes('disable')) enforce = e.value === '0' ? 'ON' : 'OFF';
      else if (!e.hasValue) enforce = 'ON';
      else {
        const v = (e.value ?? '').trim().toUpperCase();
        enforce = v === 'TRUE' || v === '1' ? 'ON' : v === 'FALSE' || v === '0' ? 'OFF' : (matchEnum(v, ['OFF', 'ON', 'WARN'])?.value ?? 'OFF');
      }
    }
    if (enforce === 'ON') return;
    const sev = mode === 'ON' ? undefined : 'warning';
    const effect =
      mode === 'ON'
        ? 'MySQL refuses to start ("GTID_MODE = ON requires ENFORCE_GTID_CONSISTENCY = ON")'
        : 'the switch to gtid_mode=ON cannot be completed, and statements that GTIDs cannot log safely are still accepted';
    if (e && e.valueRange) {
      ctx.report({
        input: e.source,
        range: e.valueRange,
        message: `enforce_gtid_consistency=${enforce} with gtid_mode=${mode}: ${effect}. Set enforce_gtid_consistency=ON.`,
        severity: sev,
        fixes: setValueFix(e, 'ON', 'Set enforce_gtid_consistency = ON'),
      });
    } else if (e) {
      ctx.report({
        input: e.source,
        range: e.nameRange,
        message: `${e.text} turns GTID consistency enforcement off while gtid_mode=${mode}: ${effect}.`,
        severity: sev,
      });
    } else {
      ctx.report({
        input: g.source,
        range: g.valueRange ?? g.nameRange,
        message: `gtid_mode=${mode} without enforce_gtid_consistency=ON (it defaults to OFF): ${effect}. Add enforce_gtid_consistency=ON.`,
        severity: sev,
        fixes: addOptionFix(m, 'Add enforce_gtid_consistency = ON', 'enforce_gtid_consistency', 'ON', g),
      });
    }
  },
});

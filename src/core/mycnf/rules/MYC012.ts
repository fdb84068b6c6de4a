import type { RelatedInformation } from '../../finding';
import { isNegated } from '../facts';
import type { CnfOption, MycnfModel } from '../model';
import { MULTI_VALUED } from '../names';
import { defineRule } from '../../rule';
import { deleteLineEdit, fix } from '../report';
import { boolOf } from '../values';
import { overridesEverywhere } from '../fixsafety';

function effective(o: CnfOption): string {
  if (o.info?.type === 'boolean' || isNegated(o) || o.prefixes.includes('enable')) return String(boolOf(o));
  if (!o.hasValue) return '(set)';
  return (o.value ?? '').trim().toLowerCase();
}

function where(m: MycnfModel, o: CnfOption): string {
  const src = m.sources[o.source];
  return `${src.main ? '' : `${src.path}:`}${o.line + 1}${o.group ? ` [${o.group.name}]` : ''}`;
}

function related(m: MycnfModel, winner: CnfOption): RelatedInformation {
  const src = m.sources[winner.source];
  return { message: `the value that applies: ${winner.text}${winner.hasValue ? ` = ${winner.rawValue}` : ''}`, range: winner.range, ...(src.main ? {} : { file: src.path }) };
}

/** The same option set twice for one program: only the last one counts (for mysqld's `user`, the first). */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC012', name: 'duplicate-option', kind: 'mycnf', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    const check = (list: CnfOption[], firstWins: boolean, scope: string) => {
      if (list.length < 2) return;
      const winner = firstWins ? list[0] : list[list.length - 1];
      // a loose- winner that part of the target series does not know is skipped there, and this line applies
      const safe = overridesEverywhere(m, m.target.target, winner);
      // computed once per list: a file may repeat one option hundreds of times
      const winnerValue = effective(winner);
      const winnerAt = where(m, winner);
      const winnerNorm = winner.norm.toLowerCase();
      // one list for every finding about this winner (findings never change their related list)
      const rel = [related(m, winner)];
      for (const o of list) {
        if (o === winner) continue;
        // a line written as the winner is (same name, modifiers, value, reference entry) has its value: no re-reading
        const copy = o.norm === winner.norm && o.prefixes === winner.prefixes && o.value === winner.value && o.hasValue === winner.hasValue && o.info === winner.info;
        const same = copy || effective(o) === winnerValue;
        const alias = o.norm.toLowerCase() !== winnerNorm ? ` as ${winner.text} (the same setting)` : '';
        const msg = same
          ? `${o.text} is set again${alias} with the same value at line ${winnerAt}; this line is redundant.`
          : `${o.text} is set again${alias} at line ${winnerAt}; ${firstWins ? 'for mysqld the first `user` wins' : 'the last one wins'}, so this value never applies${scope}.`;
        ctx.report({
          input: o.source,
          range: o.nameRange,
          message: msg,
          severity: same ? 'info' : undefined,
          related: rel,
          fixes: [fix(same ? 'Remove the redundant line' : 'Remove the line that has no effect', safe, deleteLineEdit(o))],
        });
      }
    };
    const multi = (o: CnfOption) => MULTI_VALUED.has(o.key) || MULTI_VALUED.has(o.name) || o.info?.multiValued === true || o.key.startsWith('performance_schema_instrument');
    // the server's effective configuration: every server group, across included files
    const byKey = new Map<string, CnfOption[]>();
    for (const o of m.server.options) {
      if (multi(o)) continue;
      let l = byKey.get(o.key);
      if (!l) byKey.set(o.key, (l = []));
      l.push(o);
    }
    for (const [k, l] of byKey) check(l, k === 'user', '');
    // other groups: duplicates within one group name
    // by group name, then by setting (no composite key string per option)
    const byGroup = new Map<string, Map<string, CnfOption[]>>();
    for (const o of m.options) {
      if (!o.group || o.group.role === 'server' || multi(o)) continue;
      let g = byGroup.get(o.group.key);
      if (!g) byGroup.set(o.group.key, (g = new Map()));
      let l = g.get(o.key);
      if (!l) g.set(o.key, (l = []));
      l.push(o);
    }
    for (const g of byGroup.values()) for (const l of g.values()) check(l, false, ` for [${l[0].group!.name}]`);
  },
});

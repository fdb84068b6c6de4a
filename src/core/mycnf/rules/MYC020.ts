import { knownThroughout, targetStated } from '../fixsafety';
import { checkable, serverLabel, suggestNames } from '../checkable';
import { flavorOf, targetLabel } from '../groups';
import { CLIENT_ONLY_OPTIONS, isPerconaOption } from '../names';
import { prefixMatches } from '../analyze';
import { targetsKnowing } from '../reference';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix, renameEdit } from '../report';


/** An option the target server does not know: it refuses to start (a loose- prefix turns that into a warning). */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC020', name: 'unknown-option', kind: 'mycnf', severity: 'error', fix: 'safe' },
  check(m, ctx) {
    for (const { o, target, ref } of checkable(m)) {
      if (o.info || o.abbreviationOf?.length && flavorOf(target) === 'mariadb') continue;
      const name = o.name;
      // component variables (validate_password.length) exist once the component is installed: we cannot tell
      if (name.includes('.')) continue;
      const maria = flavorOf(target) === 'mariadb';
      if (!maria && (name.startsWith('wsrep_') || name.startsWith('pxc_'))) continue;
      const loose = o.prefixes.includes('loose');
      const label = serverLabel(m, target);
      const fixes = [];
      let hint = '';
      const sameCase = !maria ? ref.lookup(name) : undefined;
      if (sameCase) {
        ctx.report({
          input: o.source,
          range: o.baseRange,
          message: `MySQL reads option names case-sensitively: ${o.text} is unknown to ${label}, which refuses to start. Write ${sameCase.name}.`,
          severity: loose ? 'info' : undefined,
          // with loose- the server ignores the unknown name: the right name would turn the setting on (not safe)
          fixes: [fix(`Write ${sameCase.name}`, !loose && knownThroughout(m, target, sameCase.name), renameEdit(o, sameCase.name))],
        });
        continue;
      }
      if (!maria && isPerconaOption(name)) {
        ctx.report({
          input: o.source,
          range: o.baseRange,
          message: `${o.text} is a Percona Server option; ${label} does not know it and refuses to start unless this runs on Percona Server (then set the target's flavor accordingly, or write loose-${o.text}).`,
          severity: 'info',
        });
        continue;
      }
      const longer = !maria ? prefixMatches(ref, name) : [];
      if (longer.length === 1) {
        hint = ` Old servers and MariaDB accept a unique beginning of a name; MySQL stopped doing so in 5.7. Write ${longer[0]}.`;
        // which name a beginning stands for depends on the server's list: only a stated target tells
        fixes.push(fix(`Write ${longer[0]}`, !loose && targetStated(m) && knownThroughout(m, target, longer[0]), renameEdit(o, longer[0])));
      } else {
        const s = suggestNames(ref, name);
        if (s.length) {
          hint = ` Did you mean ${s.slice(0, 3).join(' or ')}?`;
          for (const x of s.slice(0, 3)) fixes.push(fix(`Change to ${x}`, false, renameEdit(o, x)));
        }
      }
      const elsewhere = targetsKnowing(name, target);
      if (elsewhere.length) {
        const fl = flavorOf(target);
        const other = elsewhere.filter((t) => flavorOf(t) !== fl);
        const list = (other.length ? other : elsewhere).map(targetLabel).join(', ');
        hint = ` It exists on ${list}${other.length ? '' : ' only'}.${hint}${other.length && !loose ? ` In a file shared with ${flavorOf(other[0]) === 'mariadb' ? 'MariaDB, put it under [mariadb]' : 'MySQL, prefix it with loose-'}.` : ''}`;
      }
      if (CLIENT_ONLY_OPTIONS.has(name)) hint += ' It is a client option: put it in [client] (or the group of the client program).';
      if (loose) {
        ctx.report({
          input: o.source,
          range: o.baseRange,
          message: `${label} does not know ${name}; because of the loose- prefix it only logs a warning and ignores the line.${hint}`,
          severity: 'info',
          fixes,
        });
        continue;
      }
      ctx.report({
        input: o.source,
        range: o.baseRange,
        message: `${label} does not know the option ${o.text} and refuses to start ("unknown variable").${hint}`,
        fixes,
      });
    }
  },
});

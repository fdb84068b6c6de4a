import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { MYSQL_TARGETS, type MysqlTarget } from '../targets';
import { loadRef } from '../refs';
import { rendersFor } from '../guards';
import { targetLabel } from '../groups';

/**
 * A template's branch that its own flavor or version guard renders for a server that removed one of its options
 * (`{% if mysql_version is version('8.0', '>=') %}` ... `query_cache_size = 0`): every rendering for those servers
 * stops the server at start. Judged against every target the guard admits, whatever target the file is checked for.
 */
export default defineRule<MycnfModel>({
  // one problem, one finding: where the file's own target refuses the line too, this finding (which names the guard
  // and every server it renders for) replaces the removed- or unknown-option one, and offers its fixes for review
  meta: { code: 'MYC150', name: 'template-branch-option-removed', kind: 'mycnf', severity: 'error', fix: 'unsafe', supersedes: ['MYC020', 'MYC021'] },
  check(m, ctx) {
    if (!m.guards) return;
    for (const [o, guards] of m.guards) {
      if (o.prefixes.includes('loose') || o.name.includes('.')) continue;
      const role = o.group?.role;
      if (o.group && role !== 'server' && role !== 'other-server') continue;
      if (!o.group && !m.fragment) continue;
      // the targets the guard certainly renders this line for, and those of them that removed the option
      const admitted = MYSQL_TARGETS.filter((t) => rendersFor(guards, t) === true);
      if (!admitted.length || admitted.length === MYSQL_TARGETS.length) continue;
      const rejecting: { t: MysqlTarget; removed: string }[] = [];
      let instead = '';
      for (const t of admitted) {
        const info = loadRef(t)?.lookup(o.name);
        if (info?.removed !== undefined && !info.stillAccepted) {
          rejecting.push({ t, removed: info.removed });
          instead ||= info.replacement ? ` Its successor is ${info.replacement}.` : '';
        }
      }
      if (!rejecting.length) continue;
      const guard = guards.find((g) => MYSQL_TARGETS.some((t) => rendersFor([g], t) === false)) ?? guards[guards.length - 1];
      const names = rejecting.map((r) => targetLabel(r.t));
      const when = rejecting[0].removed ? ` (removed in ${rejecting[0].removed})` : '';
      ctx.report({
        input: o.source,
        range: o.baseRange,
        message: `${o.text} is in a branch the template renders for ${names.join(', ')} (its guard: ${guard.negated ? 'not ' : ''}\`${guard.condition}\`), and ${names.length > 1 ? 'those servers no longer know' : 'that server no longer knows'} it${when}: ${names.length > 1 ? 'they refuse' : 'it refuses'} to start ("unknown variable"). Move the line to a branch for older servers, or drop it.${instead}`,
      });
    }
  },
});

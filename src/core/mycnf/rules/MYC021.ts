import { checkable, serverLabel, uncertainRemoval } from '../checkable';
import { MYSQL_RENAMES } from '../names';
import { defineRule } from '../../rule';
import { deleteLineEdit, fix, renameEdit, styled } from '../report';
import type { Fix } from '../../finding';
import type { CnfOption, MycnfModel } from '../model';
import { numOf } from '../values';
import { safeReplacement } from '../fixsafety';
import type { MysqlTarget } from '../targets';

/** Pure renames among removed options: the new name takes the same values. */
const SAME_VALUES: Record<string, string> = { tx_isolation: 'transaction_isolation', tx_read_only: 'transaction_read_only' };

/**
 * `ignored`: the server ignores the line today (loose- prefix, or a name MariaDB still accepts as a no-op). Then the
 * replacement would turn the setting on: a change of behaviour, so the fix is not safe.
 */
function replacementFix(m: MycnfModel, o: CnfOption, replacement: string, t: MysqlTarget, ignored: boolean): Fix[] {
  // a server that still has the old name and lacks the new one (tx_isolation before 5.7.20) would stop
  const safe = !ignored && safeReplacement(m, t, replacement);
  if (SAME_VALUES[o.name] === replacement || MYSQL_RENAMES[o.name] === replacement) return [fix(`Write ${replacement}`, safe, renameEdit(o, replacement))];
  if (o.name === 'expire_logs_days' && replacement === 'binlog_expire_logs_seconds' && o.valueRange) {
    const days = numOf(o, t);
    if (days !== undefined) return [fix(`Write binlog_expire_logs_seconds = ${days * 86400}`, safe, { range: { start: o.baseRange.start, end: o.valueRange.end }, newText: `${styled('binlog_expire_logs_seconds', o.text)}${o.lineText.slice(o.baseRange.end.character, o.valueRange.start.character)}${days * 86400}` })];
  }
  return [fix(`Write ${replacement} instead (check the value)`, false, renameEdit(o, replacement))];
}

/** An option the target removed: the server refuses to start (MariaDB ignores most removed ones). */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC021', name: 'removed-option', kind: 'mycnf', severity: 'error', fix: 'safe' },
  check(m, ctx) {
    for (const { o, target } of checkable(m)) {
      const i = o.info;
      if (!i || i.removed === undefined) continue;
      const label = serverLabel(m, target);
      const when = i.removed ? ` in ${i.removed}` : '';
      const loose = o.prefixes.includes('loose');
      const ignored = loose || !!i.stillAccepted;
      const instead = i.replacement ? ` Use ${i.replacement} instead.` : i.replacedBy ? ` Its successor is ${i.replacedBy}.` : '';
      const fixes = i.replacement ? replacementFix(m, o, i.replacement, target, ignored) : [fix(`Remove ${o.text}`, false, deleteLineEdit(o))];
      if (i.stillAccepted) {
        const what = i.mysqlCompat
          ? `${o.text} is a MySQL option that MariaDB never implemented: ${label} accepts the name for compatibility and ignores it, so the setting has no effect.${o.name === 'default_authentication_plugin' ? ' MariaDB chooses the authentication plugin per account (CREATE USER ... IDENTIFIED VIA ...).' : ''}`
          : `${o.text} was removed${when}: ${label} still accepts the name but ignores it, so the setting has no effect.`;
        ctx.report({ input: o.source, range: o.baseRange, message: `${what}${instead}`, severity: 'warning', fixes });
        continue;
      }
      if (loose) {
        ctx.report({
          input: o.source,
          range: o.baseRange,
          message: `${o.text} was removed${when}; with the loose- prefix ${label} only warns and ignores it, so the setting has no effect.${instead}`,
          severity: 'info',
          fixes,
        });
        continue;
      }
      const unsure = i.confidence === 'inferred' || uncertainRemoval(m, target, i.removed);
      const extra =
        o.name === 'default_authentication_plugin' && /mysql_native_password/i.test(o.value ?? '')
          ? ' Since 8.4 the mysql_native_password plugin is also off by default: add mysql_native_password=ON if accounts still use it.'
          : '';
      ctx.report({
        input: o.source,
        range: o.baseRange,
        message: `${o.text} was removed${when}, so ${label} ${unsure ? 'most likely ' : ''}refuses to start ("unknown variable").${instead}${extra}${m.target.source === 'default' && unsure ? ' If this file is for an older server, set the target (for example # devops-guidance target=mysql-8.0).' : ''}`,
        severity: unsure ? 'warning' : undefined,
        fixes,
      });
    }
  },
});

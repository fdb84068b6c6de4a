import { knownThroughout, targetStated } from '../fixsafety';
import { checkable, serverLabel, suggestNames } from '../checkable';
import { flavorOf, hasGalera, productOf, seriesOf, targetLabel } from '../groups';
import type { MysqlTarget } from '../targets';
import { CLIENT_ONLY_OPTIONS, isPerconaOption } from '../names';
import { prefixMatches } from '../analyze';
import { facts } from '../facts';
import { targetsKnowing } from '../reference';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix, renameEdit } from '../report';


/**
 * The plugin names a loaded library registers (MySQL and MariaDB give every plugin an option of its name that says
 * whether to activate it: ON, OFF, FORCE or FORCE_PLUS_PERMANENT). Libraries not listed register their own name.
 */
const PLUGINS_OF_LIBRARY: Record<string, string[]> = {
  semisync_source: ['rpl_semi_sync_source'],
  semisync_replica: ['rpl_semi_sync_replica'],
  semisync_master: ['rpl_semi_sync_master'],
  semisync_slave: ['rpl_semi_sync_slave'],
  mysql_clone: ['clone'],
  connection_control: ['connection_control', 'connection_control_failed_login_attempts'],
  auth_socket: ['auth_socket', 'unix_socket'],
  auth_pam: ['pam'],
  auth_ed25519: ['ed25519'],
  ha_rocksdb: ['rocksdb'],
  ha_connect: ['connect'],
};
const ACTIVATION = /^(on|off|force|force_plus_permanent)$/i;

/** A plugin's activation option (`auth_socket=FORCE_PLUS_PERMANENT` after `plugin-load-add=auth_socket.so`). */
function isPluginActivation(m: Parameters<typeof facts>[0], o: { name: string; hasValue: boolean; value?: string }): boolean {
  if (o.hasValue && !ACTIVATION.test((o.value ?? '').trim())) return false;
  for (const lib of facts(m).plugins.keys()) if ((PLUGINS_OF_LIBRARY[lib] ?? [lib]).includes(o.name)) return true;
  return false;
}

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
      const product = productOf(target);
      const loose = o.prefixes.includes('loose');
      const label = serverLabel(m, target);
      if (name.startsWith('wsrep_') || name.startsWith('pxc_')) {
        // PXC's Galera options are typed from MariaDB's: a name we lack may still be PXC's own
        if (product === 'pxc') continue;
        if (!hasGalera(target)) {
          const galera = name.startsWith('pxc_') ? 'a Percona XtraDB Cluster option' : 'a Galera (wsrep) option';
          ctx.report({
            input: o.source,
            range: o.baseRange,
            message: `${o.text} is ${galera}: ${label} has no Galera and ${loose ? 'ignores the line (loose- prefix)' : 'refuses to start ("unknown variable")'}. If this server is Percona XtraDB Cluster or MariaDB with Galera, say so: # devops-guidance target=pxc-${seriesOf(target) === '5.7' ? '8.0' : seriesOf(target)}.`,
            severity: loose ? 'info' : undefined,
          });
          continue;
        }
      }
      if ((product === 'percona' || product === 'pxc') && isPerconaOption(name)) continue;
      if (isPluginActivation(m, o)) continue;
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
          message: `${o.text} is a Percona Server option; ${label} does not know it and refuses to start unless this runs on Percona Server (then say so: # devops-guidance target=percona-${seriesOf(target) === '5.7' ? '8.0' : seriesOf(target)}; or write loose-${o.text}).`,
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
      const elsewhere = compactTargets(targetsKnowing(name, target));
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

/** MySQL 8.0 and Percona Server 8.0 say the same about an option name: list the MySQL one only. */
function compactTargets(ts: MysqlTarget[]): MysqlTarget[] {
  return ts.filter((t) => {
    const p = productOf(t);
    return !((p === 'percona' || p === 'pxc') && ts.includes(`mysql-${seriesOf(t)}` as MysqlTarget)) && !(t === 'mariadb-10.6' && ts.includes('mariadb-10.11'));
  });
}

/**
 * Which server the file is for: the file's own `# devops-guidance target=...` comment wins over the configuration
 * (settings, CLI, project file); with neither, the file's content decides (MariaDB groups, wsrep_* options,
 * options only MariaDB has → MariaDB 10.11; options only MySQL has → MySQL), else the default, MySQL 8.4.
 */
import type { ResolvedConfig } from '../config';
import { DEFAULT_MYSQL_TARGET, MYSQL_TARGETS, type MysqlTarget } from './targets';
import { didYouMean } from '../text';
import { targetLabel } from './groups';
import type { ParsedFiles } from './parse';
import type { TargetChoice } from './model';
import type { OptionReference } from './options';

const COMMENT = /^devops-guidance\s+target\s*=\s*(\S+)\s*(?:#.*)?$/i;

export type RefLoader = (t: MysqlTarget) => OptionReference | undefined;

/** Strips modifiers for evidence purposes (no reference needed): loose-skip-x → x. */
function bare(norm: string): string {
  let s = norm.toLowerCase();
  for (;;) {
    const m = /^(loose|skip|disable|enable|maximum)_/.exec(s);
    if (!m) return s;
    s = s.slice(m[0].length);
  }
}

export function chooseTarget(p: ParsedFiles, config: ResolvedConfig, refs: RefLoader): TargetChoice {
  let invalid: TargetChoice['invalidComment'];
  for (const c of p.sources[0].comments) {
    const m = COMMENT.exec(c.text);
    if (!m) continue;
    const value = m[1].toLowerCase();
    if ((MYSQL_TARGETS as readonly string[]).includes(value)) {
      return {
        target: value as MysqlTarget,
        source: 'comment',
        reason: `the file says so (\`# devops-guidance target=${value}\` on line ${c.line + 1})`,
        commentRange: c.range,
      };
    }
    const at = c.range.start.character + 1 + (p.lines.line(c.line).slice(c.range.start.character + 1).indexOf(m[1]));
    invalid = { value: m[1], range: { start: { line: c.line, character: at }, end: { line: c.line, character: at + m[1].length } } };
  }
  const withInvalid = (t: TargetChoice): TargetChoice => (invalid ? { ...t, invalidComment: invalid } : t);
  if (config.mysqlTarget) {
    return withInvalid({ target: config.mysqlTarget, source: 'config', reason: `the configuration sets it (mysql.target: ${config.mysqlTarget})` });
  }
  return withInvalid(inferTarget(p, refs));
}

function inferTarget(p: ParsedFiles, refs: RefLoader): TargetChoice {
  const maria: string[] = [];
  const mysql: string[] = [];
  let mariaScore = 0;
  let mysqlScore = 0;
  let mariaVersion: MysqlTarget = 'mariadb-10.11';
  for (const g of p.groups) {
    const k = g.name.toLowerCase();
    if (/^(mariadb|mariadbd)(-\d+\.\d+)?$/.test(k) || k === 'galera' || k === 'client-mariadb' || /^mysqld-1\d\.\d+$/.test(k)) {
      if (!maria.length || !maria[0].startsWith('the [')) maria.unshift(`the [${g.name}] group`);
      mariaScore += 3;
      if (/-11\.4$/.test(k)) mariaVersion = 'mariadb-11.4';
    }
  }
  const mdb = refs('mariadb-10.11');
  const my84 = refs('mysql-8.4');
  const my80 = refs('mysql-8.0');
  const my57 = refs('mysql-5.7');
  let wsrep: string | undefined;
  const seen = new Set<string>();
  for (const o of p.options) {
    const g = o.group?.name.toLowerCase();
    if (g && !/^(mysqld|server|mariadb|mariadbd|galera)(-\d+\.\d+)?$/.test(g)) continue;
    if (o.prefixes.length || /^loose[-_]/i.test(o.text)) continue;
    const n = bare(o.norm);
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.startsWith('wsrep_')) {
      wsrep ??= o.text;
      continue;
    }
    if (n.startsWith('pxc_')) {
      mysql.push(`the Percona XtraDB Cluster option ${o.text}`);
      mysqlScore += 3;
      continue;
    }
    if (!mdb || !my84) continue;
    const live = (r: OptionReference | undefined) => {
      const i = r?.lookup(n);
      return !!i && i.removed === undefined;
    };
    const inMaria = live(mdb);
    const inMysql = live(my84) || live(my80) || live(my57);
    if (inMaria && !inMysql) {
      maria.push(`${o.text}, which only MariaDB has`);
      mariaScore += 1;
    } else if (inMysql && !inMaria) {
      mysql.push(`${o.text}, which only MySQL has`);
      mysqlScore += 1;
    }
  }
  if (wsrep && mysqlScore === 0) {
    maria.push(`Galera options such as ${wsrep}`);
    mariaScore += 2;
  }
  if (mariaScore > mysqlScore) {
    return { target: mariaVersion, source: 'inferred', reason: `inferred from ${maria[0]}` };
  }
  const version = mysqlVersion(p, refs);
  if (version) {
    const flavorWhy = mysqlScore > 0 ? `${mysql[0]}${wsrep ? ' (Percona XtraDB Cluster)' : ''}, and ` : '';
    return { target: version.target, source: 'inferred', reason: `inferred from ${flavorWhy}${version.why}` };
  }
  if (mysqlScore > 0) {
    return { target: DEFAULT_MYSQL_TARGET, source: 'inferred', reason: `inferred from ${mysql[0]}${wsrep ? ' (Percona XtraDB Cluster)' : ''}; the newest MySQL series is assumed` };
  }
  return { target: DEFAULT_MYSQL_TARGET, source: 'default', reason: `no target was set and nothing in the file points elsewhere, so ${targetLabel(DEFAULT_MYSQL_TARGET)} is assumed` };
}

/**
 * The MySQL series the file was written for, when its options say so: the series under which the fewest options of
 * the server groups are gone (removed) or unheard of (not yet added), the newest on a tie. A file with
 * default_authentication_plugin (gone in 8.4) is an 8.0 file; one with query_cache_size (gone in 8.0) and nothing
 * newer a 5.7 file. Undefined when the newest series fits best.
 */
function mysqlVersion(p: ParsedFiles, refs: RefLoader): { target: MysqlTarget; why: string } | undefined {
  const series: MysqlTarget[] = ['mysql-8.4', 'mysql-8.0', 'mysql-5.7'];
  const names = new Set<string>();
  for (const o of p.options) {
    const g = o.group?.name.toLowerCase();
    if (g ? !/^(mysqld|server)$/.test(g) : !(p.fragment && o.source === 0)) continue;
    if (/^loose[-_]/i.test(o.text)) continue;
    names.add(o.norm.toLowerCase());
  }
  const scored: { t: MysqlTarget; misfits: string[]; gone: string[] }[] = [];
  for (const t of series) {
    const ref = refs(t);
    if (!ref) return undefined;
    const misfits: string[] = [];
    const gone: string[] = [];
    for (const n of names) {
      const i = ref.lookup(n) ?? ref.lookup(bare(n));
      if (i && i.removed !== undefined && !i.stillAccepted && i.confidence !== 'inferred') {
        misfits.push(n);
        gone.push(n);
      } else if (!i && series.some((x) => x !== t && refs(x)?.lookup(n))) misfits.push(n);
    }
    scored.push({ t, misfits, gone });
  }
  let best = scored[0];
  for (const s of scored) if (s.misfits.length < best.misfits.length) best = s;
  if (best === scored[0]) return undefined;
  const newer = scored[series.indexOf(best.t) - 1];
  const reason = newer.gone[0] ?? newer.misfits[0];
  return { target: best.t, why: `${reason}, which ${targetLabel(newer.t)} no longer has` };
}

export function suggestTarget(value: string): string[] {
  return didYouMean(value.toLowerCase(), MYSQL_TARGETS, 4);
}

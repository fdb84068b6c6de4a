/**
 * Which server the file is for. The file's own `# devops-guidance target=...` comment wins. Otherwise the file is
 * read for evidence: MariaDB groups and options, Galera (wsrep_*) and Percona options, options only one server
 * has, and path hints (`mariadb.conf.d/`, `mysql.conf.d/`, `percona-xtradb-cluster.conf.d/`). A configured target
 * (the CLI's --mysql-target, then the project file, then the editor setting; "auto" is none) is used when the file
 * shows nothing, and for the version when it agrees with the file's flavor; it never turns a file that is plainly
 * MariaDB into a MySQL file or the reverse. With neither, MySQL 8.4 is assumed.
 */
import type { ResolvedConfig } from '../config';
import { DEFAULT_MYSQL_TARGET, MYSQL_TARGETS, type MysqlTarget } from './targets';
import { didYouMean } from '../text';
import { productOf, seriesOf, targetLabel, type Product } from './groups';
import { isPerconaOption } from './names';
import { baseName, dirName } from './paths';
import type { ParsedFiles } from './parse';
import type { TargetChoice } from './model';
import type { OptionReference } from './options';

const COMMENT = /^devops-guidance\s+target\s*=\s*(\S+)\s*(?:#.*)?$/i;

export type RefLoader = (t: MysqlTarget) => OptionReference | undefined;

/** Strips modifiers for evidence purposes (no reference needed): loose-skip-x → x. */
function bare(norm: string): string {
  const s = norm.toLowerCase();
  const re = /(loose|skip|disable|enable|maximum)_/y;
  let at = 0;
  while (re.exec(s)) at = re.lastIndex;
  return at ? s.slice(at) : s;
}

const isTarget = (t: string): t is MysqlTarget => (MYSQL_TARGETS as readonly string[]).includes(t);

/** What the file itself says about its server, without any configuration. */
interface Evidence {
  /** The product the file points to; undefined when it shows nothing either way. */
  product?: Product;
  /** The series, when the file shows one ([mariadb-11.4], options gone in a newer MySQL). */
  series?: string;
  /** Why, as "the [mariadb] group", "wsrep_cluster_address with MySQL-only options", ... */
  why?: string;
  seriesWhy?: string;
  /**
   * Groups, Galera or Percona options, or the file's place: enough to overrule a configured target of the other
   * flavor. Options that only one flavor has are not: a MariaDB project's file with a MySQL-only option is a MariaDB
   * file with a mistake, which checking it as MariaDB shows.
   */
  strong?: boolean;
}

export function chooseTarget(p: ParsedFiles, config: ResolvedConfig, refs: RefLoader): TargetChoice {
  let invalid: TargetChoice['invalidComment'];
  for (const c of p.sources[0].comments) {
    const m = COMMENT.exec(c.text);
    if (!m) continue;
    const value = m[1].toLowerCase();
    if (isTarget(value)) {
      return {
        target: value,
        source: 'comment',
        reason: `the file says so (\`# devops-guidance target=${value}\` on line ${c.line + 1})`,
        commentRange: c.range,
      };
    }
    const at = c.range.start.character + 1 + (p.lines.line(c.line).slice(c.range.start.character + 1).indexOf(m[1]));
    invalid = { value: m[1], range: { start: { line: c.line, character: at }, end: { line: c.line, character: at + m[1].length } } };
  }
  const choice = decide(evidence(p, refs), config);
  return invalid ? { ...choice, invalidComment: invalid } : choice;
}

const family = (p: Product) => (p === 'mariadb' ? 'mariadb' : 'mysql');

function make(product: Product, series: string): MysqlTarget | undefined {
  const t = `${product}-${series}`;
  return isTarget(t) ? t : undefined;
}

function decide(ev: Evidence, config: ResolvedConfig): TargetChoice {
  const conf = config.mysqlTarget;
  const from = config.mysqlTargetFrom ?? 'the configuration';
  const confWhy = conf ? `${from} sets ${conf}` : '';
  if (!ev.product) {
    if (conf) return { target: conf, source: 'config', reason: confWhy };
    if (ev.series) return { target: make('mysql', ev.series)!, source: 'inferred', reason: `inferred from ${ev.seriesWhy}` };
    return { target: DEFAULT_MYSQL_TARGET, source: 'default', reason: `no target was set and nothing in the file points elsewhere, so ${targetLabel(DEFAULT_MYSQL_TARGET)} is assumed` };
  }
  if (conf && !ev.strong) return { target: conf, source: 'config', reason: confWhy };
  if (conf && family(productOf(conf)) === family(ev.product)) {
    // the configuration agrees on the flavor: its version (and its product, unless the file is plainly Galera)
    const cp = productOf(conf);
    const product = ev.product === 'mysql' || (ev.product === 'percona' && cp === 'pxc') ? cp : ev.product;
    const t = make(product, seriesOf(conf)) ?? conf;
    const agree = t === conf ? '' : ` (as ${targetLabel(t)}, because of ${ev.why})`;
    return { target: t, source: 'config', reason: `${confWhy}${agree}` };
  }
  const series = ev.series ?? (ev.product === 'mariadb' ? '10.11' : seriesOf(DEFAULT_MYSQL_TARGET));
  const t = make(ev.product, series) ?? make(ev.product, ev.product === 'mariadb' ? '10.11' : '8.4')!;
  const ver = ev.seriesWhy ? `, and ${ev.seriesWhy}` : ev.product === 'mariadb' ? '; the version is assumed' : '; the newest series is assumed';
  const over = conf ? ` (${confWhy}, but this file is plainly for ${targetLabel(t).replace(/ [\d.]+$/, '')})` : '';
  const guessed = ev.product === 'mariadb' && /^Galera options/.test(ev.why ?? '');
  return { target: t, source: 'inferred', reason: `inferred from ${ev.why}${ver}${guessed ? ' (Percona XtraDB Cluster has the same options: set the target if it is that)' : ''}${over}`, ...(guessed ? { guessed } : {}) };
}

/** Folder and file names that tell the flavor: Debian/Ubuntu package layouts. */
function pathHint(path: string | undefined): { product: Product; why: string; weak?: boolean } | undefined {
  if (!path) return undefined;
  const dir = dirName(path).replace(/\\/g, '/').toLowerCase();
  const name = baseName(path).toLowerCase();
  const parts = dir.split('/');
  const last = parts[parts.length - 1] ?? '';
  if (last === 'mariadb.conf.d') return { product: 'mariadb', why: "the file's place (mariadb.conf.d/)" };
  // mariadb.cnf, mariadb-server.cnf, laradock-mariadb.cnf; a folder mariadb/ or mariadb-10.11/, also above a version
  // folder (sandbox/mariadb/10.4/my.cnf). A word of the name, never a part of one (nomariadb.cnf says nothing).
  if (/^mariadb[-_.]/.test(name)) return { product: 'mariadb', why: `the file's place (${name})` };
  // a word of a longer name is a hint, not enough to overrule a configured target
  if (/(^|[-_.])mariadb([-_.\d]|$)/.test(name)) return { product: 'mariadb', why: `the file's name (${name})`, weak: true };
  const folder = [last, /^\d+(\.\d+)*$/.test(last) ? parts[parts.length - 2] ?? '' : ''].find((x) => /^mariadb([-_]?\d+(\.\d+)*)?$/.test(x));
  if (folder) return { product: 'mariadb', why: `the file's place (${folder}/)` };
  if (last === 'percona-xtradb-cluster.conf.d') return { product: 'pxc', why: 'the file\'s place (percona-xtradb-cluster.conf.d/)' };
  if (last === 'percona-server.conf.d') return { product: 'percona', why: 'the file\'s place (percona-server.conf.d/)' };
  if (last === 'mysql.conf.d') return { product: 'mysql', why: 'the file\'s place (mysql.conf.d/)' };
  return undefined;
}

function evidence(p: ParsedFiles, refs: RefLoader): Evidence {
  const maria: string[] = [];
  const mysql: string[] = [];
  let mariaScore = 0;
  let mysqlScore = 0;
  let mariaSeries: string | undefined;
  let mariaSeriesWhy: string | undefined;
  for (const g of p.groups) {
    const k = g.name.toLowerCase();
    const m = /^(?:mariadb|mariadbd|mysqld)-(1\d\.\d+)$/.exec(k);
    // [client-server] and [client-mariadb] are read by MariaDB programs only
    if (/^(mariadb|mariadbd)(-\d+\.\d+)?$/.test(k) || k === 'galera' || k === 'client-mariadb' || k === 'client-server' || m) {
      if (!maria.length || !maria[0].startsWith('the [')) maria.unshift(`the [${g.name}] group`);
      mariaScore += 3;
      if (m && isTarget(`mariadb-${m[1]}`) && !mariaSeries) {
        mariaSeries = m[1];
        mariaSeriesWhy = `the [${g.name}] group names the version`;
      }
    }
  }
  const mdb = refs('mariadb-10.11');
  const my84 = refs('mysql-8.4');
  const my80 = refs('mysql-8.0');
  const my57 = refs('mysql-5.7');
  let wsrep: string | undefined;
  let pxc: string | undefined;
  let percona: string | undefined;
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
      // xtrabackup-v2 state transfers are Percona XtraDB Cluster's (MariaDB has mariabackup)
      if (n === 'wsrep_sst_method' && /^\s*["']?xtrabackup/i.test(o.value ?? '')) pxc ??= `${o.text}=${(o.value ?? '').trim()}`;
      continue;
    }
    if (n.startsWith('pxc_')) {
      pxc ??= o.text;
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
    } else if (!inMaria && !inMysql && isPerconaOption(n)) {
      percona ??= o.text;
    }
  }
  // the file's own place, or the folder it includes (/etc/mysql/mariadb.cnf reads mariadb.conf.d/)
  let hint = pathHint(p.sources[0].path);
  for (const d of p.directives) {
    if (hint || d.source !== 0 || !d.path) continue;
    const h = pathHint(`${d.path.replace(/[\\/]+$/, '')}/x.cnf`);
    if (h && h.product !== 'mysql') hint = { product: h.product, why: `the folder it includes (${h.why.replace(/^the file's place \((.*)\)$/, '$1')})` };
  }
  if (hint?.product === 'mariadb') {
    maria.push(hint.why);
    mariaScore += 2;
  }
  if (pxc || (wsrep && mysqlScore > mariaScore)) {
    const why = pxc ? `the Percona XtraDB Cluster option ${pxc}` : `Galera options (${wsrep}) with ${mysql[0]}`;
    return { product: 'pxc', why, strong: true, ...mysqlSeries(p, refs) };
  }
  if (wsrep && mariaScore === 0 && mysqlScore === 0 && hint?.product === 'pxc') return { product: 'pxc', why: `Galera options (${wsrep}) and ${hint.why}`, strong: true, ...mysqlSeries(p, refs) };
  if (wsrep && mysqlScore === 0) {
    maria.push(`Galera options such as ${wsrep}`);
    mariaScore += 2;
  }
  const groupOrGalera = maria.length > 0 && (maria[0].startsWith('the [') || !!wsrep);
  if (mariaScore > mysqlScore) {
    if (!mariaSeries) {
      // no group names the version: options only newer MariaDB servers have (character_set_collations, 11.2) do
      const v = mariadbVersion(p, refs);
      if (v) {
        mariaSeries = seriesOf(v.target);
        mariaSeriesWhy = v.why;
      }
    }
    return { product: 'mariadb', why: maria[0], series: mariaSeries, seriesWhy: mariaSeriesWhy, strong: groupOrGalera || (hint?.product === 'mariadb' && !hint.weak) };
  }
  if (percona) return { product: 'percona', why: `the Percona Server option ${percona}`, strong: true, ...mysqlSeries(p, refs) };
  if (mysqlScore > 0) return { product: hint && family(hint.product) === 'mysql' ? hint.product : 'mysql', why: mysql[0], strong: !!hint && family(hint.product) === 'mysql', ...mysqlSeries(p, refs) };
  if (hint) return { product: hint.product, why: hint.why, strong: !hint.weak, ...(hint.product === 'mariadb' ? {} : mysqlSeries(p, refs)) };
  // no flavor evidence; a MySQL version may still show (options an older series had)
  return mysqlSeries(p, refs);
}

function mysqlSeries(p: ParsedFiles, refs: RefLoader): { series?: string; seriesWhy?: string } {
  const v = mysqlVersion(p, refs);
  return v ? { series: seriesOf(v.target), seriesWhy: v.why } : {};
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
  // loose- names say nothing by being unknown (that is what loose- is for), but one a newer series removed
  // (loose-group_replication_allow_local_disjoint_gtids_join, gone in 8.0.4) still dates the file
  const loose = new Set<string>();
  for (const o of p.options) {
    const g = o.group?.name.toLowerCase();
    if (g ? !/^(mysqld|server)$/.test(g) : !(p.fragment && o.source === 0)) continue;
    if (/^loose[-_]/i.test(o.text)) loose.add(bare(o.norm));
    else names.add(o.norm.toLowerCase());
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
    for (const n of loose) {
      if (names.has(n)) continue;
      const i = ref.lookup(n);
      if (i && i.removed !== undefined && !i.stillAccepted && i.confidence !== 'inferred') {
        misfits.push(n);
        gone.push(n);
      }
    }
    scored.push({ t, misfits, gone });
  }
  let best = scored[0];
  for (const s of scored) if (s.misfits.length < best.misfits.length) best = s;
  if (best === scored[0]) return undefined;
  const newer = scored[series.indexOf(best.t) - 1];
  const reason = newer.gone[0] ?? newer.misfits[0];
  // a name MariaDB also has (query_cache_size) says "older than MySQL 8.0" only if the file is MySQL at all
  const maria = refs('mariadb-10.11')?.lookup(reason);
  const alsoMaria = !!maria && maria.removed === undefined ? `; MariaDB also has ${reason}: set the target if the file is for MariaDB` : '';
  return { target: best.t, why: `${reason}, which ${targetLabel(newer.t)} no longer has${alsoMaria}` };
}

/**
 * The MariaDB series a file needs when its server options say so: 10.11 (the series assumed otherwise) unless some
 * option is unknown or gone there and a later series has them all; then the oldest series with the fewest misfits.
 */
function mariadbVersion(p: ParsedFiles, refs: RefLoader): { target: MysqlTarget; why: string } | undefined {
  const series: MysqlTarget[] = ['mariadb-10.11', 'mariadb-11.4', 'mariadb-11.8'];
  const names = new Set<string>();
  for (const o of p.options) {
    const g = o.group?.name.toLowerCase();
    if (g ? !/^(mysqld|server|mariadb|mariadbd|galera)$/.test(g) : !(p.fragment && o.source === 0)) continue;
    if (o.prefixes.length || /^loose[-_]/i.test(o.text)) continue;
    names.add(bare(o.norm.toLowerCase()));
  }
  const scored: { t: MysqlTarget; misfits: string[] }[] = [];
  for (const t of series) {
    const ref = refs(t);
    if (!ref) return undefined;
    const misfits: string[] = [];
    for (const n of names) {
      const i = ref.lookup(n);
      const known = (x: MysqlTarget) => {
        const j = refs(x)?.lookup(n);
        return !!j && j.removed === undefined;
      };
      if (i ? i.removed !== undefined && !i.stillAccepted && series.some((x) => x !== t && known(x)) : series.some((x) => x !== t && known(x))) misfits.push(n);
    }
    scored.push({ t, misfits });
  }
  let best = scored[0];
  for (const s of scored) if (s.misfits.length < best.misfits.length) best = s;
  if (best === scored[0]) return undefined;
  const reason = scored[0].misfits.find((n) => !best.misfits.includes(n)) ?? scored[0].misfits[0];
  return { target: best.t, why: `${reason}, which MariaDB 10.11 does not have` };
}

export function suggestTarget(value: string): string[] {
  return didYouMean(value.toLowerCase(), MYSQL_TARGETS, 4);
}

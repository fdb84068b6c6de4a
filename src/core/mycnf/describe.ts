/**
 * What the adapters show about an option file besides its findings: the server it is checked for and why (CLI text
 * and JSON output, the editor's status bar), and whether a `*.cnf` / `*.ini` file is a MySQL option file at all.
 */
import type { ResolvedConfig } from '../config';
import type { MysqlTarget } from './targets';
import type { LintEnv } from '../language';
import { targetLabel } from './groups';
import type { MycnfModel, TargetChoice } from './model';
import { recallParse } from '../parsecache';
import { parseOptionFiles } from './parse';
import { loadRef } from './refs';
import { targetOfParsed } from './analyze';
import { optionGuards } from './guards';
import { baseName, dirName } from './paths';
// registers the option reference with refs.ts
import './reference';

export interface MycnfTargetInfo {
  target: MysqlTarget;
  /** "MariaDB 11.4" */
  label: string;
  source: TargetChoice['source'];
  /** Why, in one sentence. */
  reason: string;
  /** How sure the option table of this target is, when it was not read from that server itself. */
  tables?: string;
}

/** Targets whose option tables are inferred rather than read from the server (data/reference/mycnf-options/README.md). */
const INFERRED_TABLES: Partial<Record<MysqlTarget, string>> = {
  'mariadb-10.6': 'option table inferred from MariaDB 10.11 (no 10.6 server was read)',
  'mariadb-11.4': 'option table inferred between MariaDB 10.11 and 11.8',
  'mysql-5.7': "server options from 5.7's own help table, InnoDB and community plugins from 5.7.37's sources; enterprise plugins inferred from 8.0",
  'percona-5.7': "MySQL 5.7's table (enterprise plugin options inferred); Percona's own options known by name only",
  'percona-8.0': "MySQL 8.0's table; Percona's own options known by name only",
  'percona-8.4': "MySQL 8.4's table; Percona's own options known by name only",
  'pxc-5.7': 'Galera options typed from MariaDB (inferred); the rest as MySQL 5.7',
  'pxc-8.0': 'Galera options typed from MariaDB (inferred); the rest as MySQL 8.0',
  'pxc-8.4': 'Galera options typed from MariaDB (inferred); the rest as MySQL 8.4',
};

/** The server the file is checked for and why (the same choice the lint makes). Never throws. */
export function mycnfTarget(text: string, config: ResolvedConfig, env: LintEnv = {}): MycnfTargetInfo {
  try {
    // right after the lint of this text (the CLI's per-file line, the editor's status): the target that lint used,
    // not a second parse and inference
    const lintModel = recallParse('mycnf', text, env, config) as MycnfModel | undefined;
    const parsed = lintModel ? undefined : parseOptionFiles(text, env);
    const t = lintModel?.target ?? targetOfParsed(parsed!, optionGuards(parsed!), config, loadRef);
    const tables = INFERRED_TABLES[t.target];
    return { target: t.target, label: targetLabel(t.target), source: t.source, reason: t.reason, ...(tables ? { tables } : {}) };
  } catch (e) {
    return { target: 'mysql-8.4', label: targetLabel('mysql-8.4'), source: 'default', reason: `the file could not be read for clues (${(e as Error).message})` };
  }
}

/** Folders whose `*.cnf` files are MySQL/MariaDB option files whatever they hold (package layouts). */
const OPTION_DIRS = /(^|\/)(mysql|mariadb|my\.cnf\.d|conf\.d|mysql\.conf\.d|mariadb\.conf\.d|percona-server\.conf\.d|percona-xtradb-cluster\.conf\.d)$/;

/**
 * Whether a file is an option file by its name alone: my.cnf, my.ini, .my.cnf, mysqld-auto.cnf excluded (JSON), and
 * `*.cnf` in a MySQL/MariaDB configuration folder. Other `*.cnf` / `*.ini` files need their content looked at.
 */
export function isOptionFileName(path: string): 'yes' | 'by-content' | 'no' {
  const name = baseName(path).toLowerCase();
  if (name === 'my.cnf' || name === '.my.cnf' || name === 'my.ini') return 'yes';
  if (name === 'mysqld-auto.cnf') return 'no';
  if (!name.endsWith('.cnf') && !name.endsWith('.ini')) return 'no';
  const dir = dirName(path).replace(/\\/g, '/').toLowerCase();
  return name.endsWith('.cnf') && OPTION_DIRS.test(dir) ? 'yes' : 'by-content';
}

/** Groups only MySQL/MariaDB programs read. */
const GROUP = /^\s*\[\s*(mysqld|mysql|client|server|mariadb|mariadbd|mariadb-client|client-server|client-mariadb|galera|mysqldump|mysqladmin|mysqld_safe|mariadbd-safe|mysqld_multi|mysqlcheck|mysqlimport|mysqlshow|mysqlslap|mysqlbinlog|mysqlpump|mysql_upgrade|mariadb-dump|mariadb-admin|mariadb-backup|mariabackup|xtrabackup|sst|mysqlsh|mysqlrouter)(-\d+\.\d+|\d+|_[\w-]+)?\s*\]/i;

/**
 * Whether a text reads as a MySQL/MariaDB option file: a group only MySQL/MariaDB programs read, an `!include` /
 * `!includedir` directive, or (for header-less fragments) mostly names of known server options. OpenSSL, Kerberos
 * and systemd-style files have none of these.
 */
export function looksLikeOptionFile(text: string): boolean {
  const ref = loadRef('mysql-8.4');
  const mdb = loadRef('mariadb-10.11');
  let known = 0;
  let other = 0;
  let groups = 0;
  const end = Math.min(text.length, 256 * 1024);
  let start = 0;
  while (start < end) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const line = text.slice(start, nl).trim();
    start = nl + 1;
    if (!line || line[0] === '#' || line[0] === ';') continue;
    if (line[0] === '[') {
      if (GROUP.test(line)) return true;
      groups++;
      continue;
    }
    if (/^!include(dir)?\s/i.test(line)) return true;
    if (groups) continue; // options of a group no MySQL program reads say nothing
    const name = /^([A-Za-z][\w.-]*)/.exec(line)?.[1];
    if (!name) continue;
    const n = name.toLowerCase().replace(/-/g, '_').replace(/^(loose|skip|disable|enable)_/, '');
    if (ref?.lookup(n) || mdb?.lookup(n)) known++;
    else other++;
  }
  return known >= 2 && known >= 2 * other;
}

/** The files an option file reads through `!include` / `!includedir` (resolved paths, as the host's readFile got them). */
export function mycnfIncludedFiles(text: string, env: LintEnv): string[] {
  try {
    const p = parseOptionFiles(text, env);
    return p.sources.slice(1).map((s) => s.path).filter((x): x is string => !!x);
  } catch {
    return [];
  }
}

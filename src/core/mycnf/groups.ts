/** Which program reads which option group, for a given target server. */
import { MYSQL_TARGETS, type MysqlTarget } from './targets';
import { didYouMean } from '../text';
import type { CnfGroup, GroupRole } from './model';

export type Flavor = 'mysql' | 'mariadb';
/** The product: Percona Server and Percona XtraDB Cluster are MySQL of the same series plus their own options. */
export type Product = 'mysql' | 'percona' | 'pxc' | 'mariadb';

export function flavorOf(t: MysqlTarget): Flavor {
  return t.startsWith('mariadb') ? 'mariadb' : 'mysql';
}

export function productOf(t: MysqlTarget): Product {
  return t.slice(0, t.indexOf('-')) as Product;
}

/** Galera (wsrep_*) options are known: MariaDB (with wsrep_on) and Percona XtraDB Cluster. */
export function hasGalera(t: MysqlTarget): boolean {
  const p = productOf(t);
  return p === 'mariadb' || p === 'pxc';
}

const PRODUCT_LABEL: Record<Product, string> = { mysql: 'MySQL', percona: 'Percona Server', pxc: 'Percona XtraDB Cluster', mariadb: 'MariaDB' };

/** '8.4', '10.11' */
export function seriesOf(t: MysqlTarget): string {
  return t.slice(t.indexOf('-') + 1);
}

/** Whose version numbers the tables use: Percona Server and PXC follow MySQL's. */
export function vendorOf(t: MysqlTarget): 'MySQL' | 'MariaDB' {
  return flavorOf(t) === 'mariadb' ? 'MariaDB' : 'MySQL';
}

export function targetLabel(t: MysqlTarget): string {
  return `${PRODUCT_LABEL[productOf(t)]} ${seriesOf(t)}`;
}

/** Version comparison on dotted numbers: -1, 0, 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The groups the target's server reads (lower case). */
export function serverGroups(t: MysqlTarget): string[] {
  const v = seriesOf(t);
  if (flavorOf(t) === 'mysql') return ['mysqld', 'server', `mysqld-${v}`];
  return ['mysqld', 'server', `mysqld-${v}`, 'mariadb', `mariadb-${v}`, 'mariadbd', `mariadbd-${v}`, 'client-server', 'galera'];
}

const CLIENT_GROUPS: Record<string, string> = {
  client: 'every MySQL and MariaDB client program (not the server)',
  mysql: 'the mysql command-line client',
  mysqldump: 'mysqldump',
  mysqladmin: 'mysqladmin',
  mysqlcheck: 'mysqlcheck',
  mysqlimport: 'mysqlimport',
  mysqlshow: 'mysqlshow',
  mysqlslap: 'mysqlslap',
  mysqlbinlog: 'mysqlbinlog',
  mysqlpump: 'mysqlpump',
  mysql_upgrade: 'mysql_upgrade',
  mysqltest: 'mysqltest',
  mysql_secure_installation: 'mysql_secure_installation',
  mysqlsh: 'MySQL Shell',
  'client-mariadb': 'MariaDB client programs',
  'mariadb-client': 'the mariadb command-line client',
  'mariadb-dump': 'mariadb-dump',
  'mariadb-admin': 'mariadb-admin',
  'mariadb-check': 'mariadb-check',
  'mariadb-import': 'mariadb-import',
  'mariadb-show': 'mariadb-show',
  'mariadb-slap': 'mariadb-slap',
  'mariadb-binlog': 'mariadb-binlog',
  'mariadb-upgrade': 'mariadb-upgrade',
  'mariadb-secure-installation': 'mariadb-secure-installation',
  mysql_tzinfo_to_sql: 'mysql_tzinfo_to_sql',
  odbc: 'MySQL/MariaDB ODBC drivers',
};

const TOOL_GROUPS: Record<string, string> = {
  mysqld_safe: 'the mysqld_safe start script (not used under systemd)',
  safe_mysqld: 'the mysqld_safe start script',
  'mariadbd-safe': 'the mariadbd-safe start script',
  'mariadb-safe': 'the mariadbd-safe start script',
  mariadb_safe: 'the mariadbd-safe start script (deprecated group name)',
  mysqld_multi: 'mysqld_multi',
  'mysql.server': 'the mysql.server init script',
  mysql_server: 'the mysql.server init script',
  mysqlhotcopy: 'mysqlhotcopy',
  myisamchk: 'myisamchk',
  myisampack: 'myisampack',
  isamchk: 'isamchk',
  aria_chk: 'aria_chk',
  'aria-chk': 'aria_chk',
  'mariadb-backup': 'mariadb-backup',
  mariabackup: 'mariabackup',
  xtrabackup: 'Percona XtraBackup',
  innobackupex: 'Percona innobackupex',
  sst: 'the Galera state snapshot transfer scripts',
  embedded: 'the embedded server library',
  mysql_install_db: 'mysql_install_db',
  'mariadb-install-db': 'mariadb-install-db',
  mysql_cluster: 'NDB Cluster programs',
  ndbd: 'NDB data nodes',
  ndb_mgmd: 'the NDB management server',
  ndb_mgm: 'the NDB management client',
  manager: 'MySQL Instance Manager',
  mysqlmanager: 'MySQL Instance Manager',
  mysqlrouter: 'MySQL Router',
};

export interface GroupClass {
  role: GroupRole;
  readBy: string;
  checkTarget?: MysqlTarget;
}

const targetSet = new Set<string>(MYSQL_TARGETS);

/** Classifies a group for the target. Group names are case-insensitive; leading blanks are part of the name. */
export function classifyGroup(name: string, target: MysqlTarget): GroupClass {
  const key = name.toLowerCase();
  const flavor = flavorOf(target);
  const label = targetLabel(target);
  if (serverGroups(target).includes(key)) {
    const other = flavor === 'mysql' ? '' : key.startsWith('maria') || key === 'galera' || key === 'client-server' ? ' (MySQL ignores it)' : '';
    const extra = key === 'client-server' ? ' and by MariaDB clients' : key === 'galera' ? ' (Galera-enabled builds, even with wsrep off)' : '';
    return { role: 'server', readBy: `the ${label} server${extra}${other}`, checkTarget: target };
  }
  let m = /^(mysqld|mariadb|mariadbd)-(\d+\.\d+)$/.exec(key);
  if (m) {
    const [, prog, ver] = m;
    const groupFlavor: Flavor = prog === 'mysqld' ? (compareVersions(ver, '10.0') >= 0 ? 'mariadb' : 'mysql') : 'mariadb';
    const t = `${groupFlavor}-${ver}`;
    return {
      role: 'other-server',
      readBy: `${groupFlavor === 'mysql' ? 'MySQL' : 'MariaDB'} ${ver} servers only (not the ${label} target)`,
      checkTarget: targetSet.has(t) ? (t as MysqlTarget) : undefined,
    };
  }
  if (key === 'mariadb' || key === 'mariadbd' || key === 'galera') {
    return { role: 'other-server', readBy: `MariaDB servers${key === 'galera' ? ' with Galera' : ''} (not the ${label} target)` };
  }
  if (key === 'client-server') return { role: 'client', readBy: `MariaDB servers and clients (${label} does not read it)` };
  if (CLIENT_GROUPS[key]) return { role: 'client', readBy: CLIENT_GROUPS[key] };
  if (TOOL_GROUPS[key]) return { role: 'tool', readBy: TOOL_GROUPS[key] };
  m = /^(mysqld|mariadbd)(\d+)$/.exec(key);
  if (m) return { role: 'other-server', readBy: `mysqld_multi, for server instance ${m[2]}`, checkTarget: target };
  m = /^(mysqld|server|mariadb|mariadbd|client|mysql|mysqldump|mysqladmin)([_-]\S+)$/.exec(key);
  if (m) {
    const server = ['mysqld', 'server', 'mariadb', 'mariadbd'].includes(m[1]);
    return {
      role: server ? 'other-server' : 'client',
      readBy: `[${m[1]}] readers started with --defaults-group-suffix=${m[2]}`,
      checkTarget: server && (flavor === 'mariadb' || !m[1].startsWith('maria')) ? target : undefined,
    };
  }
  return { role: 'unknown', readBy: 'no MySQL or MariaDB program we know of' };
}

/** Known group names (for "did you mean"). */
export function knownGroupNames(target: MysqlTarget): string[] {
  return [...new Set([...serverGroups(target), 'mariadb', 'mariadbd', 'galera', 'client-server', ...Object.keys(CLIENT_GROUPS), ...Object.keys(TOOL_GROUPS)])];
}

export function suggestGroup(name: string, target: MysqlTarget): string[] {
  const key = name.trim().toLowerCase();
  return didYouMean(key, knownGroupNames(target), 2);
}

export function applyGroupClass(g: CnfGroup, target: MysqlTarget): void {
  const c = classifyGroup(g.name, target);
  g.role = c.role;
  g.readBy = c.readBy;
  g.checkTarget = c.checkTarget;
}

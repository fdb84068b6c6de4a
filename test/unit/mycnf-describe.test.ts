/** Which files are option files, the target shown for them, and files the server cannot read at all. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers/setup';
import { lint, isOptionFileName, looksLikeOptionFile, mycnfTarget, defaultConfig, mergeConfig, clearCaches, hoverAt } from '../../src/core/index';

const OPENSSL = `# OpenSSL example configuration file.
HOME = .
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = ./demoCA
certs = $dir/certs
database = $dir/index.txt
default_days = 365
[ req ]
default_bits = 2048
distinguished_name = req_distinguished_name
`;
const KRB5 = `[libdefaults]
    default_realm = EXAMPLE.COM
    dns_lookup_kdc = true
[realms]
    EXAMPLE.COM = {
        kdc = kdc.example.com
    }
`;
const SYSTEMD = `[Unit]
Description=MySQL Server
[Service]
User=mysql
LimitNOFILE=10000
`;

describe('mycnf: which files are option files', () => {
  it('by name and folder', () => {
    assert.equal(isOptionFileName('/etc/mysql/my.cnf'), 'yes');
    assert.equal(isOptionFileName('/home/u/.my.cnf'), 'yes');
    assert.equal(isOptionFileName('C:\\ProgramData\\MySQL\\my.ini'), 'yes');
    assert.equal(isOptionFileName('/etc/mysql/mariadb.conf.d/50-server.cnf'), 'yes');
    assert.equal(isOptionFileName('/etc/mysql/conf.d/docker.cnf'), 'yes');
    assert.equal(isOptionFileName('/etc/ssl/openssl.cnf'), 'by-content');
    assert.equal(isOptionFileName('/srv/app/php.ini'), 'by-content');
    assert.equal(isOptionFileName('/var/lib/mysql/mysqld-auto.cnf'), 'no');
    assert.equal(isOptionFileName('/etc/hosts'), 'no');
  });
  it('by content: MySQL groups, !include or mostly known server options', () => {
    assert.equal(looksLikeOptionFile(OPENSSL), false);
    assert.equal(looksLikeOptionFile(KRB5), false);
    assert.equal(looksLikeOptionFile(SYSTEMD), false);
    assert.equal(looksLikeOptionFile('# tuning\n[mysqld]\nmax_connections = 500\n'), true);
    assert.equal(looksLikeOptionFile('[client-server]\n!includedir /etc/mysql/conf.d/\n'), true);
    assert.equal(looksLikeOptionFile('!includedir /etc/my.cnf.d\n'), true);
    assert.equal(looksLikeOptionFile('[mysqld-8.0]\nport = 3306\n'), true);
    // a header-less fragment (Vitess style) of known server options
    assert.equal(looksLikeOptionFile('innodb_buffer_pool_size = 1G\nmax_connections = 500\nsync_binlog = 1\n'), true);
    assert.equal(looksLikeOptionFile(''), false);
  });
});

describe('mycnf: the target shown per file', () => {
  it('gives the target, its label and the reason', () => {
    const t = mycnfTarget('[mariadb-11.4]\ngtid_strict_mode = ON\n', defaultConfig());
    assert.deepEqual([t.target, t.label, t.source], ['mariadb-11.4', 'MariaDB 11.4', 'inferred']);
    assert.match(t.reason, /\[mariadb-11\.4\] group/);
    const c = mycnfTarget('[mysqld]\nport = 3306\n', mergeConfig(defaultConfig(), { mysql: { target: 'percona-8.0' } }));
    assert.deepEqual([c.target, c.label, c.source], ['percona-8.0', 'Percona Server 8.0', 'config']);
    const d = mycnfTarget('[mysqld]\nwsrep_cluster_address = gcomm://a,b\ngtid_mode = ON\n', defaultConfig());
    assert.equal(d.target, 'pxc-8.4');
  });
});

describe('mycnf: a UTF-16 option file', () => {
  it('is an error the server cannot read, not "binary"', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[mysqld]\r\nmax_connections = 500\r\n', 'utf16le')]).toString('utf8');
    const fs = lint(utf16, 'mycnf', defaultConfig());
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'error');
    assert.match(fs[0].message, /UTF-16/);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('[mysqld]\nport=3306\n', 'utf16le').swap16()]).toString('utf8');
    assert.match(lint(be, 'mycnf', defaultConfig())[0].message, /UTF-16/);
    // other binary content stays "binary"
    const bin = lint('\u0000\u0001\u0002garbage\u0000\u0000\u0000\u0007', 'mycnf', defaultConfig());
    assert.match(bin[0].message, /binary/);
  });
});

describe('mycnf: target inference on the corpus', () => {
  // Where each corpus file comes from (SOURCES.tsv): the product, and the series when the source says it.
  const TRUTH: Record<string, [string, string?]> = {
    'debian12-mariadb1011-50-server.cnf': ['mariadb', '10.11'],
    'debian12-mariadb1011-60-galera.cnf': ['mariadb', '10.11'],
    'debian12-mariadb1011-mariadb.cnf': ['mariadb', '10.11'],
    'debian12-mariadb1011-wsrep-example.cnf': ['mariadb', '10.11'],
    'docker-library-mysql80-docker.cnf': ['mysql', '8.0'],
    'docker-library-mysql80-my.cnf': ['mysql', '8.0'],
    'docker-library-mysql80-mysqld.cnf': ['mysql', '8.0'],
    'laradock-mariadb.cnf': ['mariadb'],
    'laradock-mysql.cnf': ['mysql'],
    'laradock-percona.cnf': ['percona'],
    'magenx-magento-tuned.cnf': ['mariadb'],
    'mariadb-server-rpm-server.cnf': ['mariadb'],
    'mysql-server-rpm-docker.cnf': ['mysql'],
    'percona-docker-master-slave.cnf': ['percona', '8.0'],
    'percona-docker-ps-gr57-node.cnf': ['percona', '5.7'],
    'percona-docker-pxc56-node.cnf': ['pxc'],
    'percona-docker-pxc80-node.cnf': ['pxc', '8.0'],
    'percona-docker-pxc84-node.cnf': ['pxc', '8.4'],
    'percona-toolkit-configdiff-pxc.cnf': ['pxc'],
    'percona-toolkit-sandbox-mariadb104.cnf': ['mariadb'],
    'percona-toolkit-sandbox-pxc80.cnf': ['pxc', '8.0'],
    'percona-toolkit-sandbox80.cnf': ['mysql', '8.0'],
    'vitess-mariadb104-fragment.cnf': ['mariadb'],
    'vitess-mysql84-fragment.cnf': ['mysql', '8.4'],
    'mariadb-docker-docker.cnf': ['mariadb'],
    'mariadb-docker-test-encrypt.cnf': ['mariadb'],
    'percona-docker-test-conf-mount.cnf': ['percona'],
    'percona-toolkit-sandbox-pxc57.cnf': ['pxc', '5.7'],
    'percona-toolkit-sandbox57.cnf': ['mysql', '5.7'],
    'vvv-mariadb-my.cnf': ['mariadb'],
  };
  it('gets the flavor right for nearly every file, and never calls a MariaDB file MySQL when it shows MariaDB', () => {
    const fam = (p: string) => (p === 'mariadb' ? 'mariadb' : 'mysql');
    let flavor = 0;
    let product = 0;
    let series = 0;
    let seriesKnown = 0;
    const wrong: string[] = [];
    for (const [file, [p, s]] of Object.entries(TRUTH)) {
      const path = join(CORPUS, 'mycnf', file);
      const t = mycnfTarget(readFileSync(path, 'utf8'), defaultConfig(), { fileName: path });
      const tp = t.target.slice(0, t.target.indexOf('-'));
      const ts = t.target.slice(t.target.indexOf('-') + 1);
      if (fam(tp) === fam(p)) flavor++;
      // wrong when the file showed its flavor (a group, Galera or Percona options, options only one flavor has, its
      // folder) and we still chose the other; a version guess from options an older MySQL had is no flavor evidence
      else if (/group|Galera|Percona|only (MySQL|MariaDB) has|place|folder/.test(t.reason)) wrong.push(`${file}: ${t.target} (${t.reason})`);
      if (tp === p) product++;
      if (s) {
        seriesKnown++;
        if (ts === s && fam(tp) === fam(p)) series++;
      }
    }
    const n = Object.keys(TRUTH).length;
    console.log(`      target inference on the corpus: flavor ${flavor}/${n}, product ${product}/${n}, series ${series}/${seriesKnown}`);
    assert.deepEqual(wrong, [], 'a file that shows its flavor is never checked as the other one');
    assert.ok(flavor >= n - 4 && product >= n - 7, `flavor ${flavor}/${n}, product ${product}/${n}`);
  });
});

describe('mycnf: the target shown is the one the lint used', () => {
  it('for every template of the corpus (version and flavor guards included): the CLI line agrees with the hover on the first group', () => {
    const dir = join(CORPUS, '..', 'templates', 'mycnf');
    const files = readdirSync(dir).filter((f) => !/\.(md|tsv)$/.test(f) && f !== 'LICENSES');
    assert.ok(files.length > 10, `templates in ${dir}`);
    const differ: string[] = [];
    let compared = 0;
    for (const f of files) {
      const path = join(dir, f);
      const text = readFileSync(path, 'utf8');
      const line = text.split('\n').findIndex((l) => /^\[[\w-]+\]/.test(l));
      if (line < 0) continue;
      const config = defaultConfig();
      clearCaches();
      // alone (as the editor's status asks it), then the hover, which reads the model the lint builds
      const shown = mycnfTarget(text, config, { fileName: path });
      const hover = hoverAt(text, 'mycnf', { line, character: 1 }, config, { fileName: path })?.markdown ?? '';
      compared++;
      if (!hover.includes(`Target: ${shown.label} (${shown.reason})`)) differ.push(`${f}: shown ${shown.label} (${shown.reason}); hover: ${hover.slice(hover.indexOf('Target:'))}`);
    }
    assert.ok(compared > 10, `${compared} templates compared`);
    assert.deepEqual(differ, []);
  });
});

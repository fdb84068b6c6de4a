/**
 * The option-file reader: every behaviour here was checked against the server's reader (my_default.c) and, where
 * marked, against Debian's mariadbd 10.11 (`mariadbd --defaults-file=F --help --verbose`).
 */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { defaultConfig, mergeConfig, type LintEnv } from '../../src/core/index';
import { parseOptionFiles, unquote, commentStart, MAX_INCLUDE_DEPTH } from '../../src/core/mycnf/parse';
import { buildModel, resolveOption } from '../../src/core/mycnf/analyze';
import { loadRef } from '../../src/core/mycnf/refs';
import { classifyGroup } from '../../src/core/mycnf/groups';
import { parseInteger, parseBool, parseDecimal, matchEnum, unknownSetElements, boolOf, formatSize, likelyIntent } from '../../src/core/mycnf/values';
import { normalizePath, resolvePath, dirName, baseName } from '../../src/core/mycnf/paths';
import type { CnfOption } from '../../src/core/mycnf/model';

/** An in-memory file system for includes. Folders are the keys ending in '/'. */
function memEnv(files: Record<string, string>, fileName = '/etc/mysql/my.cnf'): LintEnv {
  return {
    fileName,
    readFile: (p) => files[p],
    listDir: (p) => {
      const dir = p.endsWith('/') ? p : `${p}/`;
      const names = Object.keys(files)
        .filter((f) => f.startsWith(dir) && !f.slice(dir.length).includes('/'))
        .map((f) => f.slice(dir.length));
      return names.length || Object.keys(files).some((f) => f.startsWith(dir)) ? names : undefined;
    },
  };
}

const opt = (text: string, env: LintEnv = {}) => parseOptionFiles(text, env);
const noRefs = () => undefined;

describe('mycnf parser', () => {
  before(engineReady);

  describe('lines', () => {
    it('reads groups, options with and without values, and both comment styles', () => {
      const p = opt('# c1\n; c2\n[mysqld]\n  skip-name-resolve\nport = 3306\n\n[client]\nuser=me\n');
      assert.deepEqual(p.groups.map((g) => g.name), ['mysqld', 'client']);
      assert.deepEqual(p.options.map((o) => [o.text, o.hasValue, o.value, o.group?.name]), [
        ['skip-name-resolve', false, undefined, 'mysqld'],
        ['port', true, '3306', 'mysqld'],
        ['user', true, 'me', 'client'],
      ]);
      assert.deepEqual(p.sources[0].comments.map((c) => c.text), ['c1', 'c2']);
    });

    it('gives exact ranges for the name and the value', () => {
      const p = opt('[mysqld]\n  max_connections  =   500   # comment\n');
      const o = p.options[0];
      assert.deepEqual(o.nameRange, { start: { line: 1, character: 2 }, end: { line: 1, character: 17 } });
      assert.deepEqual(o.valueRange, { start: { line: 1, character: 23 }, end: { line: 1, character: 26 } });
      assert.equal(o.commentStart, 29);
    });

    it('starts a # comment anywhere outside quotes, even without a blank before it (verified on mariadbd)', () => {
      assert.equal(opt('[a]\nx=b#c\n').options[0].value, 'b');
      assert.equal(opt('[a]\nx="b#c"\n').options[0].value, 'b#c');
      assert.equal(opt("[a]\nx='b#c' # d\n").options[0].value, 'b#c');
      assert.equal(opt('[a]\nskip-x # note\n').options[0].text, 'skip-x');
      assert.equal(commentStart(`x="a\\"#b"#c`, 0), 9);
    });

    it('treats ; as a comment only at the start of a line (verified on mariadbd)', () => {
      assert.equal(opt('[a]\nb = x ;y\n').options[0].value, 'x ;y');
    });

    it('strips one pair of matching outer quotes and processes escapes like the server', () => {
      assert.deepEqual(unquote('"a b"'), { value: 'a b', quote: '"' });
      assert.deepEqual(unquote("'a'"), { value: 'a', quote: "'" });
      assert.deepEqual(unquote('"unbalanced'), { value: '"unbalanced' });
      assert.deepEqual(unquote('"'), { value: '"' });
      assert.equal(unquote('x\\sy\\tz\\\\w\\q').value, 'x y\tz\\w\\q');
      assert.equal(unquote('C:\\new').value, 'C:\new');
      assert.equal(unquote('trailing\\').value, 'trailing\\');
      assert.equal(unquote('\\"q\\\'').value, `"q'`);
    });

    it('reads `opt=` as an empty value and trims blanks around the name and value', () => {
      const o = opt('[a]\n\tname \t=\t\n').options[0];
      assert.equal(o.text, 'name');
      assert.equal(o.value, '');
      assert.deepEqual(o.valueRange, { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } });
    });

    it('turns dashes into underscores in names, and keeps the case', () => {
      assert.equal(opt('[a]\nInnodb-Buffer-Pool-Size=1\n').options[0].norm, 'Innodb_Buffer_Pool_Size');
    });

    it('reports a name with a blank (missing =) and a line without a name', () => {
      const p = opt('[a]\nuser jon\n= 5\nport: 3307\n');
      assert.deepEqual(p.malformed.map((x) => [x.line, x.reason]), [[1, 'option-name-space'], [2, 'empty-name'], [3, 'option-name-space']]);
      assert.equal(p.options.length, 0);
    });

    it('handles CRLF and lone CR line ends', () => {
      const p = opt('[mysqld]\r\nport=1\r\rskip-x\r\n');
      assert.deepEqual(p.options.map((o) => [o.line, o.text, o.value]), [[1, 'port', '1'], [3, 'skip-x', undefined]]);
    });
  });

  describe('groups', () => {
    it('keeps a leading blank, trims trailing ones, ignores text after ] and is case-insensitive', () => {
      const p = opt('[ mysqld ]\n[MySQLd]   # x\n[mysqld] port=1\n[mysql\n');
      assert.deepEqual(p.groups.map((g) => [g.name, g.key, g.closed, g.trailing?.text]), [
        [' mysqld', ' mysqld', true, undefined],
        ['MySQLd', 'mysqld', true, undefined],
        ['mysqld', 'mysqld', true, 'port=1'],
        ['mysql', 'mysql', false, undefined],
      ]);
      assert.deepEqual(p.groups[2].trailing!.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 15 } });
    });

    it('collects options before any group as orphans, and a header-less file as a fragment', () => {
      const a = opt('port=1\n[mysqld]\nx=2\n');
      assert.equal(a.orphans.length, 1);
      assert.equal(a.fragment, false);
      const b = opt('# vitess\ngtid_mode = ON\n');
      assert.equal(b.orphans.length, 0);
      assert.equal(b.fragment, true);
      assert.equal(b.partial, true);
    });

    it('notes a byte-order mark and still reads the file', () => {
      const p = opt('\uFEFF[mysqld]\nport=1\n');
      assert.equal(p.sources[0].bom, true);
      assert.deepEqual(p.groups.map((g) => g.name), ['mysqld']);
      assert.deepEqual(p.groups[0].nameRange.start, { line: 0, character: 2 });
    });

    it('classifies groups for the target server', () => {
      const c = (n: string, t: Parameters<typeof classifyGroup>[1] = 'mysql-8.4') => classifyGroup(n, t).role;
      assert.equal(c('mysqld'), 'server');
      assert.equal(c('server'), 'server');
      assert.equal(c('mysqld-8.4'), 'server');
      assert.equal(c('mysqld-8.0'), 'other-server');
      assert.equal(classifyGroup('mysqld-8.0', 'mysql-8.4').checkTarget, 'mysql-8.0');
      assert.equal(c('mariadb'), 'other-server');
      assert.equal(c('mariadb', 'mariadb-10.11'), 'server');
      assert.equal(c('galera', 'mariadb-10.11'), 'server');
      assert.equal(c('client-server', 'mariadb-10.11'), 'server');
      assert.equal(c('client-server', 'mysql-8.0'), 'client');
      assert.equal(c('mysqld-10.11', 'mariadb-10.11'), 'server');
      assert.equal(c('mariadb-11.4', 'mariadb-10.11'), 'other-server');
      assert.equal(c('client'), 'client');
      assert.equal(c('mysqld_safe'), 'tool');
      assert.equal(c('mysqld1'), 'other-server');
      assert.equal(c('mysqld_replica'), 'other-server');
      assert.equal(c(' mysqld'), 'unknown');
      assert.equal(c('mysqd'), 'unknown');
    });
  });

  describe('includes', () => {
    it('reads !include at its position, relative to the including file, and !includedir in name order, .cnf only', () => {
      const env = memEnv({
        '/etc/mysql/inc.cnf': '[mysqld]\nb=2\n',
        '/etc/mysql/conf.d/20-z.cnf': '[mysqld]\nd=4\n',
        '/etc/mysql/conf.d/10-a.cnf': '[mysqld]\nc=3\n',
        '/etc/mysql/conf.d/x.conf': '[mysqld]\nignored=1\n',
      });
      const p = opt('[mysqld]\na=1\n!include inc.cnf\n!includedir /etc/mysql/conf.d/\ne=5\n', env);
      assert.deepEqual(p.options.map((o) => o.text), ['a', 'b', 'c', 'd', 'e']);
      assert.deepEqual(p.sources.map((s) => s.path), ['/etc/mysql/my.cnf', '/etc/mysql/inc.cnf', '/etc/mysql/conf.d/10-a.cnf', '/etc/mysql/conf.d/20-z.cnf']);
      assert.deepEqual(p.directives.map((d) => d.status), ['read', 'read']);
      assert.deepEqual(p.directives[1].skipped, ['x.conf']);
      // after an include the outer file goes on in its own group
      assert.equal(p.options[4].group?.source, 0);
    });

    it('keeps the current group per file: an included file needs its own header', () => {
      const env = memEnv({ '/etc/mysql/inc.cnf': 'x=1\n' });
      const p = opt('[mysqld]\n!include inc.cnf\n', env);
      assert.equal(p.orphans.length, 1);
      assert.equal(p.orphans[0].source, 1);
    });

    it('takes the path literally: no quotes, no escapes, no comment removal', () => {
      const p = opt('[a]\n!include /x/y.cnf # note\n!includedir "/q"\n', memEnv({}));
      assert.deepEqual(p.directives.map((d) => d.path), ['/x/y.cnf # note', '"/q"']);
    });

    it('flags a missing path, keeps unknown directives, and requires a blank after the keyword', () => {
      const p = opt('[a]\n!include\n!Include /x\n!includex /y\n!   include   /z  \n', memEnv({}));
      assert.deepEqual(p.directives.map((d) => [d.kind, d.status, d.path]), [
        ['include', 'missing-path', undefined],
        ['unknown', 'unknown-directive', undefined],
        ['unknown', 'unknown-directive', undefined],
        ['include', 'unreadable', '/z'],
      ]);
      assert.equal(p.partial, true);
    });

    it(`stops at the depth limit (${MAX_INCLUDE_DEPTH}) and detects cycles`, () => {
      const files: Record<string, string> = {};
      for (let i = 1; i <= 12; i++) files[`/d/${i}.cnf`] = `[mysqld]\nopt${i}=1\n!include /d/${i + 1}.cnf\n`;
      const p = opt('[mysqld]\n!include /d/1.cnf\n', memEnv(files, '/d/main.cnf'));
      assert.equal(p.sources.length, 1 + MAX_INCLUDE_DEPTH);
      assert.equal(p.directives.filter((d) => d.status === 'depth').length, 1);
      const loop = opt('[mysqld]\n!include /c/b.cnf\n', memEnv({ '/c/b.cnf': '[mysqld]\n!include /c/a.cnf\n' }, '/c/a.cnf'));
      assert.deepEqual(loop.directives.map((d) => d.status), ['read', 'cycle']);
    });

    it('looks for an absolute folder beside the file when the absolute one is not there', () => {
      const env = memEnv({ '/repo/db/conf.d/a.cnf': '[mysqld]\nx=1\n' }, '/repo/db/my.cnf');
      const p = opt('[mysqld]\n!includedir /etc/mysql/conf.d/\n', env);
      assert.equal(p.directives[0].status, 'read');
      assert.equal(p.directives[0].besideFile, true);
      assert.equal(p.options.length, 1);
    });

    it('does not follow includes when the host cannot read files', () => {
      const p = opt('[a]\n!include /x.cnf\n');
      assert.equal(p.directives[0].status, 'not-followed');
      assert.equal(p.partial, true);
    });

    it('normalizes paths', () => {
      assert.equal(normalizePath('/a/./b/../c//d'), '/a/c/d');
      assert.equal(resolvePath('/etc/mysql/my.cnf', '../x.cnf'), '/etc/x.cnf');
      assert.equal(resolvePath('C:\\mysql\\my.ini', 'conf\\a.cnf'), 'C:\\mysql\\conf\\a.cnf');
      assert.equal(dirName('/a/b'), '/a');
      assert.equal(baseName('/etc/mysql/conf.d/'), 'conf.d');
    });
  });

  describe('model', () => {
    it('takes the target from the file comment, then plain evidence in the file, then the configuration', () => {
      const cfg = mergeConfig(defaultConfig(), { mysql: { target: 'mysql-8.0' } });
      const a = buildModel('# devops-guidance target=mariadb-10.11\n[mysqld]\n', {}, cfg, noRefs);
      assert.equal(a.target.target, 'mariadb-10.11');
      assert.equal(a.target.source, 'comment');
      // a [mariadb] group is plainly MariaDB: a configured MySQL target does not turn it into a MySQL file
      const b = buildModel('[mariadb]\n', {}, cfg, noRefs);
      assert.deepEqual([b.target.target, b.target.source], ['mariadb-10.11', 'inferred']);
      assert.match(b.target.reason, /the \[mariadb\] group.*sets mysql-8\.0, but this file is plainly for MariaDB/);
      // the configuration gives the version when it agrees on the flavor
      const b2 = buildModel('[mariadb]\n', {}, mergeConfig(defaultConfig(), { mysql: { target: 'mariadb-11.4' } }), noRefs);
      assert.deepEqual([b2.target.target, b2.target.source], ['mariadb-11.4', 'config']);
      // nothing in the file: the configuration
      const b3 = buildModel('[mysqld]\nport = 3306\n', {}, mergeConfig(defaultConfig(), { mysql: { target: 'mariadb-10.6' } }), noRefs);
      assert.deepEqual([b3.target.target, b3.target.source], ['mariadb-10.6', 'config']);
      // "auto" is no target
      const b4 = buildModel('[mysqld]\nport = 3306\n', {}, mergeConfig(defaultConfig(), { mysql: { target: 'auto' } }), noRefs);
      assert.deepEqual([b4.target.target, b4.target.source], ['mysql-8.4', 'default']);
      // path hints
      const b5 = buildModel('[mysqld]\nport = 3306\n', { fileName: '/etc/mysql/mariadb.conf.d/50-server.cnf' }, defaultConfig(), noRefs);
      assert.deepEqual([b5.target.target, b5.target.source], ['mariadb-10.11', 'inferred']);
      assert.match(b5.target.reason, /mariadb\.conf\.d/);
      const c = buildModel('[mariadb]\n', {}, defaultConfig(), noRefs);
      assert.deepEqual([c.target.target, c.target.source], ['mariadb-10.11', 'inferred']);
      const d = buildModel('[mysqld]\nwsrep_on = ON\n', {}, defaultConfig(), noRefs);
      assert.equal(d.target.target, 'mariadb-10.11');
      const e = buildModel('[mysqld]\nwsrep_on = ON\npxc_strict_mode = ENFORCING\n', {}, defaultConfig(), noRefs);
      assert.equal(e.target.target, 'pxc-8.4');
      const e2 = buildModel('[mysqld]\nwsrep_on = ON\npxc_strict_mode = ENFORCING\n', {}, mergeConfig(defaultConfig(), { mysql: { target: 'mysql-8.0' } }), noRefs);
      assert.deepEqual([e2.target.target, e2.target.source], ['pxc-8.0', 'config']);
      const f = buildModel('[mysqld]\nport = 3306\n', {}, defaultConfig(), noRefs);
      assert.deepEqual([f.target.target, f.target.source], ['mysql-8.4', 'default']);
      const g = buildModel('# devops-guidance target=mysql-9\n[mysqld]\n', {}, defaultConfig(), noRefs);
      assert.equal(g.target.invalidComment?.value, 'mysql-9');
    });

    it('infers the MySQL series from options that newer servers removed, and prefers the newest on a tie', () => {
      assert.ok(loadRef('mysql-8.4'), 'the mysql-8.4 option reference (dist/) is loaded');
      const t = (body: string) => buildModel(`[mysqld]\n${body}\n`, {}, defaultConfig(), loadRef).target;
      assert.deepEqual([t('default_authentication_plugin = mysql_native_password').target, t('default_authentication_plugin = x').source], ['mysql-8.0', 'inferred']);
      assert.match(t('default_authentication_plugin = x').reason, /default_authentication_plugin, which MySQL 8\.4 no longer has/);
      assert.equal(t('query_cache_size = 0\nquery_cache_type = 0').target, 'mysql-5.7');
      // query_cache_size (gone in 8.0) and rpl_semi_sync_source_enabled (new in 8.0.26): no series fits all, the newest wins
      assert.equal(t('query_cache_size = 0\nrpl_semi_sync_source_enabled = ON').target, 'mysql-8.4');
      assert.equal(t('max_connections = 10').source, 'default');
      // a loose- name a newer series removed still dates the file; an unknown loose- name does not
      assert.equal(t('gtid_mode = ON\nloose-group_replication_allow_local_disjoint_gtids_join = ON').target, 'mysql-5.7');
      assert.equal(t('gtid_mode = ON\nloose-no_such_option = 1').target, 'mysql-8.4');
      // query_cache_size is MariaDB's too: the guess says so
      assert.match(t('query_cache_size = 0').reason, /MariaDB also has query_cache_size: set the target/);
      assert.doesNotMatch(t('default_authentication_plugin = x').reason, /MariaDB also has/);
    });

    it('infers the MariaDB series from options only newer servers have (10.11 otherwise)', () => {
      const t = (body: string) => buildModel(`[mariadb]\n${body}\n`, {}, defaultConfig(), loadRef).target;
      // character_set_collations came with 11.2: the file is for an 11.x server, not 10.11 (which refuses it)
      assert.deepEqual([t('character-set-collations = utf8mb4=uca1400_ai_ci').target, t('character-set-collations = x').source], ['mariadb-11.4', 'inferred']);
      assert.match(t('character_set_collations = x').reason, /character_set_collations, which MariaDB 10\.11 does not have/);
      assert.equal(t('max_connections = 10').target, 'mariadb-10.11');
      // a group that names the version wins over the options
      assert.equal(buildModel('[mariadb-10.11]\ncharacter_set_collations = x\n', {}, defaultConfig(), loadRef).target.target, 'mariadb-10.11');
    });

    it('builds the effective server view: server groups only, last wins, renamed aliases folded', () => {
      const m = buildModel('[mysqld]\nslave_parallel_workers=2\n[client]\nport=1\n[mysqld]\nreplica_parallel_workers=4\n[mysqld-8.0]\nport=2\n', {}, defaultConfig(), noRefs);
      assert.equal(m.server.get('replica_parallel_workers')?.value, '4');
      assert.equal(m.server.all('replica_parallel_workers').length, 2);
      assert.equal(m.server.has('port'), false);
    });

    it('lets the first `user` win for mysqld', () => {
      const m = buildModel('[mysqld]\nuser=mysql\nuser=root\n', {}, defaultConfig(), noRefs);
      assert.equal(m.server.get('user')?.value, 'mysql');
    });

    it('strips modifiers, combined too, and keeps the range of the bare name', () => {
      const m = buildModel('[mysqld]\nloose-skip-foo-bar=1\n', {}, defaultConfig(), noRefs);
      const o = m.options[0];
      assert.deepEqual(o.prefixes, ['loose', 'skip']);
      assert.equal(o.name, 'foo_bar');
      assert.deepEqual(o.baseRange, { start: { line: 1, character: 11 }, end: { line: 1, character: 18 } });
    });

    it('resolves known names before modifiers (skip_name_resolve is an option, not skip + name_resolve)', () => {
      const ref = loadRef('mysql-8.4');
      assert.ok(ref, 'the mysql-8.4 option reference (dist/) is loaded');
      const m = buildModel('[mysqld]\nskip-name-resolve\nskip-grant-tables\nloose_rpl_semi_sync_source_timeout=5\nMax_Connections=5\n', {}, defaultConfig(), loadRef);
      assert.deepEqual(m.options.map((o) => [o.prefixes.join('+'), o.name, !!o.info]), [
        ['', 'skip_name_resolve', true],
        ['', 'skip_grant_tables', true],
        ['loose', 'rpl_semi_sync_source_timeout', !!ref.lookup('rpl_semi_sync_source_timeout')],
        // MySQL compares option names case-sensitively
        ['', 'max_connections', false],
      ]);
    });

    it('reads MariaDB names case-insensitively and knows unambiguous prefixes', () => {
      const ref = loadRef('mariadb-10.11');
      assert.ok(ref, 'the mariadb-10.11 option reference (dist/) is loaded');
      const o = { norm: 'MAX_CONNECTIONS', nameRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } }, line: 0 } as CnfOption;
      resolveOption(o, ref, 'mariadb-10.11');
      assert.equal(o.info?.name, 'max_connections');
      const a = { norm: 'max_conn', nameRange: o.nameRange, line: 0 } as CnfOption;
      resolveOption(a, ref, 'mariadb-10.11');
      assert.equal(a.info, undefined);
      assert.ok(a.abbreviationOf?.includes('max_connections'));
    });

    it('collects units and comments of the linted file for suppressions', () => {
      const m = buildModel('# devops-guidance ignore=MYC012\n[mysqld]\nport=1\n!include x\n', {}, defaultConfig(), noRefs);
      assert.deepEqual(m.units.map((u) => u.startLine), [1, 2, 3]);
      assert.equal(m.comments.length, 1);
    });
  });

  describe('values', () => {
    it('reads numbers like eval_num_suffix: first character after the digits only', () => {
      const v = (s: string, t: Parameters<typeof parseInteger>[1] = 'mysql-8.4') => parseInteger(s, t);
      assert.deepEqual(v('1G'), { value: 1024 ** 3, suffix: 'G', negative: false, empty: false });
      assert.equal((v('1GB') as { ignored?: string }).ignored, 'B');
      assert.equal((v('2M;') as { value: number }).value, 2 * 1024 ** 2);
      assert.deepEqual(v('1.5G'), { error: 'decimal' });
      assert.deepEqual(v('ON'), { error: 'suffix', char: 'O' });
      assert.equal((v('') as { empty: boolean }).empty, true);
      // 1e3 reads as 1 exbibyte (verified on mariadbd)
      assert.equal((v('1e3') as { value: number }).value, 2 ** 60);
      assert.deepEqual(v('1T', 'mysql-5.7'), { error: 'suffix', char: 'T' });
      assert.equal((v('-5') as { negative: boolean }).negative, true);
      assert.deepEqual(v('99999999999999999999'), { error: 'overflow' });
      assert.equal(formatSize(3 * 1024 ** 3), '3G');
      assert.equal(formatSize(96 * 1024 ** 2), '96M');
    });

    it('reads decimals whole, without suffixes', () => {
      assert.equal(parseDecimal('0.5'), 0.5);
      assert.equal(parseDecimal('1.5K'), undefined);
      assert.equal(parseDecimal('10'), 10);
    });

    it('knows the canonical booleans, and what the others meant', () => {
      assert.equal(parseBool('on'), true);
      assert.equal(parseBool('FALSE'), false);
      assert.equal(parseBool('yes'), undefined);
      assert.equal(parseBool('2'), undefined);
      assert.equal(likelyIntent('yes'), true);
      assert.equal(likelyIntent('2'), true);
      assert.equal(likelyIntent('no'), false);
    });

    it('works out a boolean from modifiers like my_getopt (skip-x=0 is a double negation)', () => {
      const b = (line: string) => boolOf(buildModel(`[mysqld]\n${line}\n`, {}, defaultConfig(), noRefs).options[0]);
      assert.equal(b('foo'), true);
      assert.equal(b('foo=OFF'), false);
      assert.equal(b('foo=yes'), false);
      assert.equal(b('skip-foo'), false);
      assert.equal(b('skip-foo=0'), true);
      assert.equal(b('skip-foo=OFF'), false);
      assert.equal(b('enable-foo'), true);
      assert.equal(b('disable-foo'), false);
      assert.equal(b('loose-skip-foo'), false);
    });

    it('matches enums like find_type: any case, unique prefix or number', () => {
      const fmt = ['MIXED', 'STATEMENT', 'ROW'];
      assert.deepEqual(matchEnum('row', fmt), { value: 'ROW', how: 'exact' });
      assert.deepEqual(matchEnum('STAT', fmt), { value: 'STATEMENT', how: 'prefix' });
      assert.deepEqual(matchEnum('2', fmt), { value: 'ROW', how: 'number' });
      assert.equal(matchEnum('3', fmt), undefined);
      assert.equal(matchEnum('ROWS', fmt), undefined);
      assert.equal(matchEnum('', fmt), undefined);
      assert.deepEqual(unknownSetElements('ANSI_QUOTES, foo', ['ANSI_QUOTES', 'STRICT_TRANS_TABLES']), ['foo']);
      assert.deepEqual(unknownSetElements('', ['A']), []);
    });
  });
});

/** Hover and completion on option files, and findings that come from included files. */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { lint, hoverAt, completionsAt, defaultConfig, mergeConfig, type LintEnv } from '../../src/core/index';

function memEnv(files: Record<string, string>, fileName = '/etc/mysql/my.cnf'): LintEnv {
  return {
    fileName,
    readFile: (p) => files[p],
    listDir: (p) => {
      const dir = p.endsWith('/') ? p : `${p}/`;
      const names = Object.keys(files).filter((f) => f.startsWith(dir) && !f.slice(dir.length).includes('/'));
      return names.length ? names.map((f) => f.slice(dir.length)) : undefined;
    },
  };
}

const at = (line: number, character: number) => ({ line, character });

describe('mycnf hover', () => {
  before(engineReady);
  const text = [
    '# devops-guidance target=mysql-8.4',
    '[mysqld]',
    'innodb_log_file_size = 1GB',
    'log_slave_updates = yes',
    'innodb_bufer_pool_size = 4G',
    'loose-skip-foo = 1',
    'max_connections = 100',
    'max_connections = 200',
    '!includedir /nonexistent-dir',
    '[client]',
    'port = 3306',
  ].join('\n');

  it('shows type, default, range, version notes, how the value reads, our advice and a docs link', () => {
    const h = hoverAt(text, 'mycnf', at(2, 3))!;
    assert.ok(h, 'no hover');
    assert.deepEqual(h.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } });
    assert.match(h.markdown, /\*\*innodb_log_file_size\*\* — MySQL 8\.4/);
    assert.match(h.markdown, /type size/);
    assert.match(h.markdown, /default 48M/);
    assert.match(h.markdown, /deprecated in 8\.0\.30/);
    assert.match(h.markdown, /innodb_redo_log_capacity/);
    assert.match(h.markdown, /Reads as 1073741824 bytes \(1 GiB\)\. The characters after the suffix \("B"\) are ignored/);
    assert.match(h.markdown, /MYC030 `redo-log-too-large`/);
    assert.match(h.markdown, /\[Documentation\]\(https:\/\/dev\.mysql\.com\/doc\/refman\/8\.4\//);
  });

  it('says what the server makes of a boolean it does not understand', () => {
    const h = hoverAt(text, 'mycnf', at(3, 21))!;
    assert.deepEqual(h.range.start, { line: 3, character: 20 });
    assert.match(h.markdown, /does not understand "yes" and sets it OFF/);
  });

  it('suggests names for an unknown option and explains modifiers', () => {
    assert.match(hoverAt(text, 'mycnf', at(4, 2))!.markdown, /not an option of MySQL 8\.4.*innodb_buffer_pool_size/s);
    assert.match(hoverAt(text, 'mycnf', at(5, 2))!.markdown, /loose-: .*warning/);
  });

  it('says which occurrence of a duplicated option applies', () => {
    assert.match(hoverAt(text, 'mycnf', at(6, 2))!.markdown, /Not the value that applies: `max_connections = 200` at 8 wins/);
  });

  it('explains group headers, include directives and the target comment', () => {
    assert.match(hoverAt(text, 'mycnf', at(1, 3))!.markdown, /\*\*\[mysqld\]\*\* — Read by the MySQL 8\.4 server/);
    assert.match(hoverAt(text, 'mycnf', at(9, 2))!.markdown, /client program/);
    assert.match(hoverAt(text, 'mycnf', at(8, 3))!.markdown, /not followed|Could not be read/i);
    assert.match(hoverAt(text, 'mycnf', at(0, 5))!.markdown, /Checked for MySQL 8\.4.*the file says so/s);
  });

  it('returns nothing on blank lines and comments', () => {
    assert.equal(hoverAt('[mysqld]\n\n# x\n', 'mycnf', at(1, 0)), undefined);
    assert.equal(hoverAt('[mysqld]\n\n# x\n', 'mycnf', at(2, 1)), undefined);
  });
});

describe('mycnf completion', () => {
  before(engineReady);

  it('completes option names of the target in a server group, with type and default', () => {
    const items = completionsAt('# devops-guidance target=mysql-8.4\n[mysqld]\ninnodb_redo\n', 'mycnf', at(2, 11));
    const cap = items.find((i) => i.label === 'innodb_redo_log_capacity');
    assert.ok(cap, 'innodb_redo_log_capacity offered');
    assert.match(cap!.detail!, /size · default 100M/);
    assert.deepEqual(cap!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
    assert.ok(!items.some((i) => i.label === 'query_cache_size'), 'removed options are not offered');
  });

  it('keeps modifiers and the dash style the user types', () => {
    const items = completionsAt('# devops-guidance target=mysql-8.4\n[mysqld]\nloose-innodb-red\n', 'mycnf', at(2, 16));
    const cap = items.find((i) => i.label === 'innodb-redo-log-capacity');
    assert.ok(cap);
    assert.equal(cap!.range!.start.character, 6);
  });

  it("offers the target's own options: MariaDB names on a MariaDB target", () => {
    const items = completionsAt('[mariadb]\ngtid_str\n', 'mycnf', at(1, 8));
    assert.ok(items.some((i) => i.label === 'gtid_strict_mode'));
  });

  it('completes values by type: booleans, enum values', () => {
    const b = completionsAt('[mysqld]\nskip_name_resolve = \n', 'mycnf', at(1, 20));
    assert.deepEqual(b.map((i) => i.label), ['ON', 'OFF']);
    const e = completionsAt('# devops-guidance target=mysql-8.0\n[mysqld]\nbinlog_format = \n', 'mycnf', at(2, 16));
    assert.deepEqual(e.map((i) => i.label).sort(), ['MIXED', 'ROW', 'STATEMENT']);
  });

  it('completes group names and directives, and nothing in comments', () => {
    assert.ok(completionsAt('[mys\n', 'mycnf', at(0, 4)).some((i) => i.label === 'mysqld'));
    assert.deepEqual(completionsAt('[mysqld]\n!inc\n', 'mycnf', at(1, 4)).map((i) => i.label), ['!include', '!includedir']);
    assert.deepEqual(completionsAt('[mysqld]\n# innodb\n', 'mycnf', at(1, 8)), []);
  });

  it('offers client options in client groups, not server ones', () => {
    const items = completionsAt('[client]\nde\n', 'mycnf', at(1, 2));
    assert.ok(items.some((i) => i.label === 'default_character_set'));
    assert.ok(!items.some((i) => i.label === 'innodb_buffer_pool_size'));
  });
});

describe('mycnf includes in findings', () => {
  before(engineReady);
  const files = {
    '/etc/mysql/conf.d/replica.cnf': '[mysqld]\nmax_conections = 10\n# devops-guidance ignore=MYC023\nsync_binlog = ON\n',
    '/etc/mysql/conf.d/tuning.cnf': '[mysqld]\n# devops-guidance ignore-file=unknown-option\nbogus_option = 1\n',
  };
  const main = '# devops-guidance target=mysql-8.4\n[mysqld]\nserver_id = 1\n!includedir /etc/mysql/conf.d/\n';

  it('reports a finding of an included file in that file, with a note on the include line and no fixes', () => {
    const fs = lint(main, 'mycnf', defaultConfig(), memEnv(files));
    const f = fs.find((x) => x.code === 'MYC020' && x.file === '/etc/mysql/conf.d/replica.cnf');
    assert.ok(f, JSON.stringify(fs, null, 1));
    assert.deepEqual(f!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } });
    assert.equal(f!.fixes, undefined);
    assert.equal(f!.related?.[0].range.start.line, 3);
    assert.match(f!.related![0].message, /through this !includedir/);
  });

  it("honours the included file's own ignore comments", () => {
    const fs = lint(main, 'mycnf', defaultConfig(), memEnv(files));
    assert.ok(!fs.some((x) => x.code === 'MYC023'), 'ignore= in the included file');
    assert.ok(!fs.some((x) => x.file === '/etc/mysql/conf.d/tuning.cnf'), 'ignore-file= in the included file');
  });

  it('judges the whole configuration: a setting in an included file counts', () => {
    const env = memEnv({ '/etc/mysql/conf.d/gtid.cnf': '[mysqld]\nenforce_gtid_consistency = ON\n' });
    const withInclude = lint('# devops-guidance target=mysql-8.4\n[mysqld]\ngtid_mode = ON\n!includedir /etc/mysql/conf.d\n', 'mycnf', defaultConfig(), env);
    assert.ok(!withInclude.some((x) => x.code === 'MYC032'));
    const alone = lint('# devops-guidance target=mysql-8.4\n[mysqld]\ngtid_mode = ON\n', 'mycnf', defaultConfig(), env);
    assert.ok(alone.some((x) => x.code === 'MYC032'));
  });

  it('stays quiet about missing settings when an include could not be read', () => {
    const text = '# devops-guidance target=mysql-8.4\n[mysqld]\nserver_id = 2\nsuper_read_only = ON\n!include /etc/mysql/missing.cnf\n';
    const fs = lint(text, 'mycnf', defaultConfig(), memEnv({}));
    assert.ok(!fs.some((x) => x.code === 'MYC037'), 'relay-log-recovery-off needs the whole configuration');
    assert.ok(fs.some((x) => x.code === 'MYC002'));
  });

  it('takes the target from the configuration when the file does not name one', () => {
    const cfg = mergeConfig(defaultConfig(), { mysql: { target: 'mariadb-10.11' } });
    const fs = lint('[mysqld]\ngtid_mode = ON\n', 'mycnf', cfg);
    assert.ok(fs.some((x) => x.code === 'MYC020' && /MariaDB 10\.11/.test(x.message)));
  });
});

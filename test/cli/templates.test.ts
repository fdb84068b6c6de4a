/** The built CLI walks configuration-management templates and says how it read each one. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST, ROOT } from '../helpers/setup';

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli: templates', () => {
  it('walks my.cnf.j2, my.cnf.epp and Dockerfile.j2 and names the syntax it read each with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-tmpl-'));
    const src = join(ROOT, 'test', 'corpus', 'templates');
    mkdirSync(join(dir, 'role', 'templates'), { recursive: true });
    mkdirSync(join(dir, 'module', 'templates'), { recursive: true });
    mkdirSync(join(dir, 'image'), { recursive: true });
    cpSync(join(src, 'mycnf', 'geerlingguy-mysql-my.cnf.j2'), join(dir, 'role', 'templates', 'my.cnf.j2'));
    cpSync(join(src, 'mycnf', 'puppetlabs-mysql-my.cnf.epp'), join(dir, 'module', 'templates', 'my.cnf.epp'));
    cpSync(join(src, 'dockerfile', 'kolla-haproxy-Dockerfile.j2'), join(dir, 'image', 'Dockerfile.j2'));
    const r = cli(['lint', '--no-shellcheck', '--fail-level', 'none', '.'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /role\/templates\/my\.cnf\.j2: read as a Jinja2 template/);
    assert.match(r.out, /module\/templates\/my\.cnf\.epp: read as a Puppet EPP template/);
    assert.match(r.out, /image\/Dockerfile\.j2: read as a Jinja2 template/);
    assert.match(r.out, /3 files checked/);
    // nothing on template code: no syntax error, no malformed option line
    assert.doesNotMatch(r.out, /DL1000|MYC005|MYC008|\$\{__/);
  });
});

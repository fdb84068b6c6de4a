/** The built CLI walks configuration-management templates and says how it read each one. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv4 from 'ajv-draft-04';
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

  it('json and sarif say which findings come from a file read as a template, and of which syntax', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-tmpl-json-'));
    // a Jinja2 template, an ERB template read as one by its content, and a plain option file: each has a finding
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates', 'my.cnf.j2'), "[mysqld]\nkey_buffer = 16M\nport = {{ mysql_port }}\n");
    writeFileSync(join(dir, 'Dockerfile'), 'FROM <%= @base %>\nMAINTAINER Jane <jane@example.com>\n');
    writeFileSync(join(dir, 'my.cnf'), '[mysqld]\nkey_buffer = 16M\n');
    const json = JSON.parse(cli(['lint', '--no-shellcheck', '--fail-level', 'none', '--format', 'json', '.'], dir).out) as { file: string; template?: string }[];
    for (const [name, syntax] of [['templates/my.cnf.j2', 'jinja2'], ['Dockerfile', 'erb'], ['my.cnf', undefined]] as const) {
      const found = json.filter((f) => f.file.split('\\').join('/').replace(/^\.\//, '') === name);
      assert.ok(found.length, `no finding on ${name}: ${JSON.stringify(json.map((f) => f.file))}`);
      for (const f of found) assert.equal(f.template, syntax, `${name}: ${JSON.stringify(f)}`);
    }
    const sarif = JSON.parse(cli(['lint', '--no-shellcheck', '--fail-level', 'none', '--format', 'sarif', '.'], dir).out);
    const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'cli', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
    const validate = new Ajv4({ allErrors: true, strict: false }).compile(schema);
    const doc: unknown = structuredClone(sarif);
    assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 3)));
    const results = sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties?: { template?: string } }[];
    assert.equal(results.length, json.length);
    for (const r of results) {
      const uri = r.locations[0].physicalLocation.artifactLocation.uri;
      assert.equal(r.properties?.template, uri.endsWith('.j2') ? 'jinja2' : uri.endsWith('Dockerfile') ? 'erb' : undefined, uri);
    }
  });
});

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST } from '../helpers/setup';

function cli(args: string[], input?: string, cwd?: string) {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { input, encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli', function () {
  this.timeout(90_000); // each test spawns the CLI several times: seconds apiece on a loaded 2-core machine
  it('lints stdin to hadolint-compatible JSON with end positions and names', () => {
    const r = cli(['lint', '--format', 'json', '--kind', 'dockerfile', '-'], 'FROM node:latest\n');
    assert.equal(r.code, 1, r.err);
    const json = JSON.parse(r.out);
    const f = json.find((x: { code: string }) => x.code === 'DL3007');
    assert.deepEqual(
      { file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, level: f.level, name: f.name },
      { file: '<stdin>', line: 1, column: 11, endLine: 1, endColumn: 17, level: 'warning', name: 'image-tag-latest' },
    );
    assert.equal(typeof f.message, 'string');
  });

  it('walks folders, picks kinds by name, and exits 0 when clean', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-cli-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY a /a\n');
    writeFileSync(join(dir, 'notes.txt'), 'FROM node:latest\n');
    const r = cli(['lint', '--fail-level', 'error', dir]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /1 file checked/);
  });

  it('respects --fail-level and --rule', () => {
    const input = 'FROM node:latest\n';
    assert.equal(cli(['lint', '--kind', 'dockerfile', '--fail-level', 'error', '-'], input).code, 0);
    assert.equal(cli(['lint', '--kind', 'dockerfile', '--rule', 'DL3007=error', '--fail-level', 'error', '-'], input).code, 1);
    assert.equal(cli(['lint', '--kind', 'dockerfile', '--rule', 'image-tag-latest=off', '-'], input).code, 0);
  });

  it('writes SARIF 2.1.0 with exact regions', () => {
    const r = cli(['lint', '--format', 'sarif', '--kind', 'dockerfile', '-'], 'FROM node:latest\n');
    const s = JSON.parse(r.out);
    assert.equal(s.version, '2.1.0');
    const res = s.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'DL3007');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 1, startColumn: 11, endLine: 1, endColumn: 17 });
    assert.ok(s.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'DL3007'));
  });

  it('exits 2 with a clear message on usage and configuration errors', () => {
    assert.equal(cli(['lint', '--format', 'xml']).code, 2);
    assert.equal(cli(['lint', '-']).code, 2);
    assert.equal(cli(['lint', '/nonexistent/x']).code, 2);
    assert.equal(cli(['frobnicate']).code, 2);
    assert.equal(cli(['lint', '--rule', 'NOPE=off', '--kind', 'dockerfile', '-'], '').code, 2);
    const dir = mkdtempSync(join(tmpdir(), 'dg-cli-'));
    writeFileSync(join(dir, '.devops-guidance.yaml'), 'rules: {DL3007: loud}\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:latest\n');
    const r = cli(['lint', dir]);
    assert.equal(r.code, 2);
    assert.match(r.err, /invalid configuration: .*\.devops-guidance\.yaml:1: rules\.DL3007/);
  });

  it('explains rules and lists them as JSON', () => {
    const e = cli(['explain', 'image-tag-latest']);
    assert.equal(e.code, 0);
    assert.match(e.out, /^# DL3007 · image-tag-latest/);
    assert.equal(cli(['explain', 'NOPE']).code, 2);
    const rules = JSON.parse(cli(['rules', '--format', 'json']).out);
    assert.ok(rules.some((r: { code: string; kind: string; fix: string }) => r.code === 'DL3007' && r.kind === 'dockerfile' && r.fix));
  });

  it('searches topics', () => {
    const r = cli(['topics', 'zzzz-no-such-topic']);
    assert.equal(r.code, 0);
    assert.match(r.out, /No topic matches/);
  });

  it('option files: shows the target and why, skips other programs\' .cnf files, lints included files as fragments of their root', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-cli-cnf-'));
    mkdirSync(join(dir, 'extra'));
    mkdirSync(join(dir, 'ssl'));
    writeFileSync(join(dir, 'my.cnf'), `# devops-guidance target=mariadb-11.4\n[mysqld]\nserver_id = 1\n!include ${join(dir, 'extra', 'galera.cnf')}\n`);
    writeFileSync(join(dir, 'extra', 'galera.cnf'), '[mysqld]\nwsrep_on = ON\nlog_bin\n');
    writeFileSync(join(dir, 'ssl', 'openssl.cnf'), '[ req ]\ndefault_bits = 2048\n[ ca ]\ndefault_ca = CA_default\n');
    const r = cli(['lint', '.'], undefined, dir);
    assert.match(r.out, /^my\.cnf: checked for MariaDB 11\.4 \(mariadb-11\.4\): the file says so/m);
    // the included file is checked for its root's server, without the whole-configuration checks (the root has them)
    assert.match(r.out, /^extra\/galera\.cnf: checked for MariaDB 11\.4 \(mariadb-11\.4\): my\.cnf, which includes this file, sets mariadb-11\.4/m);
    assert.equal((r.out.match(/MYC081/g) ?? []).length, 1, r.out);
    assert.equal((r.out.match(/MYC089/g) ?? []).length, 1, r.out);
    assert.doesNotMatch(r.out, /openssl/);
    assert.match(r.out, /2 files checked/);
    // named explicitly, the OpenSSL file is reported as not linted; --kind mycnf lints it anyway
    const o = cli(['lint', join(dir, 'ssl', 'openssl.cnf')]);
    assert.match(o.out, /not linted: no MySQL\/MariaDB groups/);
    assert.match(cli(['lint', '--kind', 'mycnf', join(dir, 'ssl', 'openssl.cnf')]).out, /checked for MySQL 8\.4/);
    const j = JSON.parse(cli(['lint', '--format', 'json', join(dir, 'extra', 'galera.cnf')]).out);
    assert.ok(j.length && j.every((f: { mysqlTarget?: string; mysqlTargetReason?: string }) => typeof f.mysqlTarget === 'string' && typeof f.mysqlTargetReason === 'string'));
  });
});

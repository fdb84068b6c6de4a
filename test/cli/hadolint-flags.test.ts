/** hadolint's command-line flags, as MegaLinter, Super-Linter and Makefiles pass them. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST } from '../helpers/setup';

function cli(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { encoding: 'utf8', cwd, input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const DOCKERFILE = 'FROM evil.example/base:1.0\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-hadolint-'));
  writeFileSync(join(dir, 'app.df'), DOCKERFILE);
  writeFileSync(join(dir, 'lint.hadolint.yaml'), 'ignored:\n  - DL3008\ntrustedRegistries:\n  - docker.io\n');
  return dir;
}

const codes = (out: string) => (JSON.parse(out) as { code: string }[]).map((f) => f.code).sort();

describe('cli: hadolint drop-in', () => {
  const dir = project();

  it('`hadolint` command takes any file name as a Dockerfile; hadolint JSON via -f json', () => {
    const r = cli(['hadolint', '--no-shellcheck', '-f', 'json', 'app.df'], dir);
    assert.deepEqual(codes(r.out), ['DL3008']);
    assert.equal(r.code, 1);
  });

  it('-c reads a hadolint configuration (ignored, trustedRegistries)', () => {
    const r = cli(['hadolint', '--no-shellcheck', '-c', 'lint.hadolint.yaml', '-f', 'json', 'app.df'], dir);
    assert.deepEqual(codes(r.out), ['DL3026'], r.err);
  });

  it('--ignore and --trusted-registry (repeatable)', () => {
    assert.deepEqual(codes(cli(['hadolint', '--no-shellcheck', '-f', 'json', '--ignore', 'DL3008', '--trusted-registry', 'docker.io', 'app.df'], dir).out), ['DL3026']);
    assert.deepEqual(codes(cli(['hadolint', '--no-shellcheck', '-f', 'json', '--ignore', 'DL3008', '--trusted-registry', 'docker.io', '--trusted-registry', 'evil.example', 'app.df'], dir).out), []);
  });

  it('--failure-threshold / -t, --no-fail and severity overrides set the exit code', () => {
    assert.equal(cli(['hadolint', '--no-shellcheck', '-t', 'error', 'app.df'], dir).code, 0);
    assert.equal(cli(['hadolint', '--no-shellcheck', '--failure-threshold', 'style', 'app.df'], dir).code, 1);
    assert.equal(cli(['hadolint', '--no-shellcheck', '--no-fail', 'app.df'], dir).code, 0);
    const r = cli(['hadolint', '--no-shellcheck', '-t', 'error', '--error', 'DL3008', '-f', 'json', 'app.df'], dir);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out)[0].level, 'error');
  });

  it('reads a Dockerfile from stdin like `hadolint -`', () => {
    const r = cli(['hadolint', '--no-shellcheck', '-f', 'json', '-'], dir, DOCKERFILE);
    assert.deepEqual(codes(r.out), ['DL3008']);
  });

  it("hadolint's format names: tty, checkstyle, gitlab_codeclimate, sarif", () => {
    assert.match(cli(['hadolint', '--no-shellcheck', '-f', 'tty', 'app.df'], dir).out, /app\.df:2:\d+ warning DL3008/);
    assert.match(cli(['hadolint', '--no-shellcheck', '-f', 'checkstyle', 'app.df'], dir).out, /<error line="2"[^>]*source="DL3008"/);
    assert.equal(JSON.parse(cli(['hadolint', '--no-shellcheck', '-f', 'gitlab_codeclimate', 'app.df'], dir).out)[0].check_name, 'DL3008');
    assert.equal(JSON.parse(cli(['hadolint', '--no-shellcheck', '-f', 'sarif', 'app.df'], dir).out).version, '2.1.0');
  });

  it('-v prints the version, as `hadolint -v` does', () => {
    assert.equal(cli(['hadolint', '-v'], dir).out.trim(), '0.1.0');
  });

  it('a hadolint flag we cannot honour is a usage error, not silently ignored', () => {
    const r = cli(['hadolint', '--file-path-in-report', 'x', 'app.df'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option --file-path-in-report/);
  });
});

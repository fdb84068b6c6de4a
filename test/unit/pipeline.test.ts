/**
 * The one "lint, then ShellCheck, then merge" sequence (src/core/pipeline.ts) with the real ShellCheck runner
 * (src/node/shellcheck.ts), and the CLI going through it.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DIST, engineReady } from '../helpers/setup';
import { compareFindings, defaultConfig, lint, lintAndCheck, mergeConfig, type Finding } from '../../src/core/index';
import { findShellcheck, nodeTools, runShellcheck, shellcheckSpawnCount } from '../../src/node/shellcheck';

const DOCKERFILE = 'FROM debian:12\nRUN cd /opt; ls $UNSET_DIR\nRUN apt-get install -y curl\n';

describe('pipeline: lint, then ShellCheck, then merge', function () {
  this.timeout(30_000);
  before(engineReady);
  const binary = findShellcheck();
  const needBinary = (t: Mocha.Context) => {
    if (binary) return;
    console.log('      SKIPPED: shellcheck is not on the PATH (scripts/setup.sh installs it)');
    t.skip();
  };

  it('without a runner, or for a kind without shell scripts, gives exactly the lint result', async () => {
    const config = defaultConfig();
    assert.deepEqual(await lintAndCheck(DOCKERFILE, 'dockerfile', config, {}, {}), lint(DOCKERFILE, 'dockerfile', config));
    const before = shellcheckSpawnCount();
    const cnf = '[mysqld]\nport = 3306\n';
    assert.deepEqual(await lintAndCheck(cnf, 'mycnf', config, {}, nodeTools({ binary: binary ?? '/nonexistent/shellcheck' })), lint(cnf, 'mycnf', config));
    assert.equal(shellcheckSpawnCount(), before, 'no ShellCheck process for an option file');
  });

  it('merges ShellCheck findings into the lint findings, in position order, after showing the lint findings first', async function () {
    needBinary(this);
    const config = defaultConfig();
    let first: Finding[] | undefined;
    const all = await lintAndCheck(DOCKERFILE, 'dockerfile', config, {}, nodeTools({ binary }), (fs) => {
      first = fs;
    });
    assert.deepEqual(first, lint(DOCKERFILE, 'dockerfile', config));
    const codes = all.map((f) => f.code);
    assert.ok(codes.includes('DL3008') && codes.includes('SC2164') && codes.includes('SC2086'), codes.join(' '));
    assert.deepEqual(all, [...all].sort(compareFindings));
    assert.equal(all.length, first!.length + codes.filter((c) => c.startsWith('SC')).length);
  });

  it('skips ShellCheck when the caller says the text is stale, and when the configuration turns it off', async () => {
    const stale = await lintAndCheck(DOCKERFILE, 'dockerfile', defaultConfig(), {}, nodeTools({ binary: binary ?? 'x' }), () => false);
    assert.ok(!stale.some((f) => f.code.startsWith('SC')));
    const off = mergeConfig(defaultConfig(), { dockerfile: { shellcheck: false } });
    assert.ok(!(await lintAndCheck(DOCKERFILE, 'dockerfile', off, {}, nodeTools({ binary: binary ?? 'x' }))).some((f) => f.code.startsWith('SC')));
  });

  it('keeps the lint findings when ShellCheck fails (a binary that is not ShellCheck)', async () => {
    const config = defaultConfig();
    assert.equal(await runShellcheck('/bin/false', 'echo $x\n'), undefined);
    assert.deepEqual(await lintAndCheck(DOCKERFILE, 'dockerfile', config, {}, nodeTools({ binary: '/bin/false' })), lint(DOCKERFILE, 'dockerfile', config));
  });

  it('is what the CLI runs (SC findings in its output unless --no-shellcheck)', function () {
    needBinary(this);
    const cli = (args: string[]) => spawnSync(process.execPath, [join(DIST, 'cli.js'), 'lint', '--format', 'json', '--kind', 'dockerfile', ...args, '-'], { input: DOCKERFILE, encoding: 'utf8' });
    const codes = (out: string) => (JSON.parse(out) as { code: string }[]).map((f) => f.code);
    assert.ok(codes(cli([]).stdout).includes('SC2164'));
    assert.ok(!codes(cli(['--no-shellcheck']).stdout).some((c) => c.startsWith('SC')));
  });
});

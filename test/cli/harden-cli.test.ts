/**
 * Issue 11, as a user of the CLI sees it: stdin has the files' size limit and is not read past it, configuration
 * discovery stops at the project's top, findings in included option files name them relative to the current folder,
 * and a RUN script too long to analyse is said to be so (DG002 at the RUN) while the rest of the file is linted.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { DIST, engineReady } from '../helpers/setup';
import { lint, MAX_TEXT_LENGTH, mergeConfig, defaultConfig } from '../../src/core/index';
import { readStreamSafe } from '../../src/node/safefs';
import { clearConfigCache, configFor } from '../../src/node/host';

function cli(args: string[], cwd: string, input?: string | Buffer) {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { encoding: 'utf8', cwd, input, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const codesOf = (out: string) => (JSON.parse(out) as { code: string }[]).map((f) => f.code).sort();
/** A fresh folder with no repository above it inside the temp folder (realpath: macOS's /tmp is a link). */
const fresh = (name: string) => realpathSync(mkdtempSync(join(tmpdir(), `dg-${name}-`)));

describe('harden (CLI): stdin has the same size limit as files', function () {
  this.timeout(120_000);

  it('refuses stdin above the kind\'s limit with a clear error and exit 2; lints it at the limit', () => {
    const dir = fresh('stdin');
    const limit = MAX_TEXT_LENGTH.dockerfile;
    const over = 'FROM alpine:3.20\n' + '#'.repeat(limit) + '\n';
    const r = cli(['lint', '--no-shellcheck', '--kind', 'dockerfile', '-'], dir, over);
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.err, /<stdin>: not read: more than the 1024 KiB limit/);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    const under = 'FROM alpine:3.20\n' + '#'.repeat(limit - 100) + '\n';
    const ok = cli(['lint', '--no-shellcheck', '--kind', 'dockerfile', '--format', 'json', '-'], dir, under);
    assert.equal(ok.code, 0, ok.out + ok.err);
  });

  it('reads stdin once when - is named twice (no silent exit waiting for a second end)', () => {
    const dir = fresh('stdin2');
    const r = cli(['lint', '--no-shellcheck', '--kind', 'dockerfile', '--format', 'json', '-', '-'], dir, 'FROM ubuntu\n');
    assert.equal(r.code, 1, r.out + r.err);
    assert.deepEqual(codesOf(r.out), ['DL3006', 'DL3006']);
  });

  it('stops reading an endless stream at the first chunk past the limit', async () => {
    let pulled = 0;
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    const endless = new Readable({
      read() {
        pulled++;
        this.push(chunk);
      },
    });
    const r = await readStreamSafe(endless, 100 * 1024);
    assert.ok('error' in r && /more than the 100 KiB limit/.test(r.error), JSON.stringify(r).slice(0, 200));
    // 100 KiB in 16 KiB chunks: the 7th passes the limit; the stream may have buffered ahead by its high-water mark
    assert.ok(pulled <= 7 + 2, `pulled ${pulled} chunks`);
    assert.ok(endless.destroyed, 'the stream is released');
    const stream = Readable.from([Buffer.from('FROM a\n'), Buffer.from('RUN b\n')]);
    const small = await readStreamSafe(stream, 100);
    assert.deepEqual(small, { text: 'FROM a\nRUN b\n', path: '-', bytes: 13 });
    // read again after its end: empty, at once
    assert.deepEqual(await readStreamSafe(stream, 100), { text: '', path: '-', bytes: 0 });
  });
});

describe('harden (CLI): configuration discovery stops at the project\'s top', function () {
  this.timeout(120_000);
  before(engineReady);
  // DL3006: an image without a tag. A configuration that turns it off shows whether it was read.
  const silence = 'rules:\n  DL3006: off\n';
  const dockerfile = 'FROM ubuntu\n';

  it('reads a .devops-guidance.yaml at the repository\'s top from a subfolder, never one above the repository', () => {
    const top = fresh('cfg-repo');
    writeFileSync(join(top, '.devops-guidance.yaml'), silence); // above the repository: never read
    const repo = join(top, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'sub'));
    writeFileSync(join(repo, 'sub', 'Dockerfile'), dockerfile);
    assert.deepEqual(codesOf(cli(['lint', '--no-shellcheck', '--format', 'json', '--fail-level', 'none', '.'], join(repo, 'sub')).out), ['DL3006']);
    // a hadolint configuration above the repository is not read either
    writeFileSync(join(top, '.hadolint.yaml'), 'ignored:\n  - DL3006\n');
    assert.deepEqual(codesOf(cli(['lint', '--no-shellcheck', '--format', 'json', '--fail-level', 'none', 'Dockerfile'], join(repo, 'sub')).out), ['DL3006']);
    // at the repository's top it applies, from any folder inside
    writeFileSync(join(repo, '.devops-guidance.yaml'), silence);
    assert.deepEqual(codesOf(cli(['lint', '--no-shellcheck', '--format', 'json', '--fail-level', 'none', '.'], join(repo, 'sub')).out), []);
  });

  it('outside a repository, stops at the current folder (stdin too); --config names a file anywhere', () => {
    const top = fresh('cfg-plain');
    writeFileSync(join(top, '.devops-guidance.yaml'), silence);
    const work = join(top, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'Dockerfile'), dockerfile);
    const args = ['lint', '--no-shellcheck', '--format', 'json', '--fail-level', 'none'];
    assert.deepEqual(codesOf(cli([...args, '.'], work).out), ['DL3006']);
    assert.deepEqual(codesOf(cli([...args, '--kind', 'dockerfile', '-'], work, dockerfile).out), ['DL3006']);
    assert.deepEqual(codesOf(cli([...args, '--config', join(top, '.devops-guidance.yaml'), '.'], work).out), []);
    // a file named outside the current folder: looked up from its own folder, no higher (no repository around it)
    const other = fresh('cfg-other');
    assert.deepEqual(codesOf(cli([...args, join(work, 'Dockerfile')], other).out), ['DL3006']);
    // ... and its own folder's configuration applies
    writeFileSync(join(work, '.devops-guidance.yaml'), silence);
    assert.deepEqual(codesOf(cli([...args, join(work, 'Dockerfile')], other).out), []);
  });

  it('editor and LSP (configFor): no higher than the root they name, else the top of the file\'s repository', () => {
    const top = fresh('cfg-editor');
    writeFileSync(join(top, '.devops-guidance.yaml'), silence);
    writeFileSync(join(top, '.hadolint.yaml'), 'ignored:\n  - DL3006\n');
    const repo = join(top, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'pkg'));
    const file = join(repo, 'pkg', 'Dockerfile');
    writeFileSync(file, dockerfile);
    assert.deepEqual(configFor(file, 'dockerfile').sources, []);
    assert.deepEqual(configFor(file, 'dockerfile', { stopAt: join(repo, 'pkg') }).sources, []);
    writeFileSync(join(repo, '.devops-guidance.yaml'), silence);
    assert.deepEqual(configFor(file, 'dockerfile').sources, [join(repo, '.devops-guidance.yaml')]);
    // a workspace folder opened at pkg/: the repository's file above it is not read
    assert.deepEqual(configFor(file, 'dockerfile', { stopAt: join(repo, 'pkg') }).sources, []);
    clearConfigCache();
  });

  it('-c naming a hadolint configuration that is a FIFO or a device is a usage error, not a hang', () => {
    const dir = fresh('cfg-fifo');
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    spawnSync('mkfifo', [join(dir, 'fifo.hadolint.yaml')]);
    for (const c of [join(dir, 'fifo.hadolint.yaml'), '/dev/zero']) {
      const t0 = performance.now();
      const r = cli(['hadolint', '--no-shellcheck', '-c', c, 'Dockerfile'], dir);
      assert.equal(r.code, 2, r.out + r.err);
      assert.match(r.err, /(cannot use|invalid configuration:) .*: not (read|a regular file)/);
      assert.ok(performance.now() - t0 < 30_000);
    }
  });
});

describe('harden (CLI): included option files are named relative to the current folder', function () {
  this.timeout(120_000);

  it('prints extra/galera.cnf, not its absolute path', () => {
    const dir = fresh('cli-inc');
    mkdirSync(join(dir, 'extra'));
    writeFileSync(join(dir, 'my.cnf'), `[mysqld]\nserver_id = 1\n!include ${join(dir, 'extra', 'galera.cnf')}\n`);
    writeFileSync(join(dir, 'extra', 'galera.cnf'), '[mysqld]\nkey_buffer = 1M\n');
    const r = cli(['lint', '--no-shellcheck', '--fail-level', 'none', 'my.cnf'], dir);
    assert.match(r.out, /^extra\/galera\.cnf:2:1 /m, r.out);
    assert.ok(!r.out.split('\n').some((l) => l.startsWith(dir)), r.out);
    const j = JSON.parse(cli(['lint', '--no-shellcheck', '--format', 'json', '--fail-level', 'none', 'my.cnf'], dir).out) as { file: string }[];
    assert.ok(j.some((f) => f.file === 'extra/galera.cnf'), JSON.stringify(j.map((f) => f.file)));
  });
});

describe('harden (core): a RUN script too long to analyse is reported, the rest is linted', function () {
  this.timeout(60_000);
  before(engineReady);

  const long = 'apt-get install -y curl && \\\n'.repeat(2500); // about 70 KiB
  it('says so with one DG002 (info) at the RUN; findings elsewhere are kept', () => {
    const text = `FROM ubuntu\nRUN ${long}true\nRUN apt-get install -y wget\n`;
    const fs = lint(text, 'dockerfile');
    const notLinted = fs.filter((f) => f.code === 'DG002');
    assert.equal(notLinted.length, 1, JSON.stringify(fs.map((f) => f.code)));
    assert.equal(notLinted[0].severity, 'info');
    assert.equal(notLinted[0].range.start.line, 1);
    assert.match(notLinted[0].message, /This RUN's script is 7\d KiB, above the 64 KiB limit for shell analysis/);
    assert.ok(fs.some((f) => f.code === 'DL3006' && f.range.start.line === 0), 'the FROM is still linted');
    assert.ok(fs.some((f) => f.code === 'DL3008' && f.range.start.line === 2 + 2500), 'the next RUN is still analysed');
    // a heredoc script too long to analyse, likewise
    const hd = lint(`FROM alpine:3.20\nRUN <<EOF\n${'apk add curl\n'.repeat(6000)}EOF\n`, 'dockerfile').filter((f) => f.code === 'DG002');
    assert.equal(hd.length, 1);
    assert.equal(hd[0].range.start.line, 1);
    // silenced like any finding
    const off = lint(text, 'dockerfile', mergeConfig(defaultConfig(), { rules: { DG002: 'off' } }));
    assert.ok(!off.some((f) => f.code === 'DG002'));
    assert.ok(!lint(`FROM ubuntu\n# devops-guidance ignore=DG002\nRUN ${long}true\n`, 'dockerfile').some((f) => f.code === 'DG002'));
  });
});

describe('harden (core): found by the long fuzz runs', function () {
  this.timeout(60_000);
  before(engineReady);

  it('dockerfile #6131 (seed 20261207): ${a:-${a:-...}} nested thousands deep overflowed the stack in 7 rules', () => {
    for (const n of [3, 100, 101, 6000]) {
      const text = `FROM a\nARG a=${'${a:-'.repeat(n)}x${'}'.repeat(n)}\nFROM b:\${a}\n`;
      const fs = lint(text, 'dockerfile');
      assert.deepEqual([...new Set(fs.map((f) => f.code))].sort(), ['DKR005', 'DKR008', 'DL3006'], `${n}: ${fs.map((f) => `${f.code} ${f.message}`).join('\n')}`);
    }
    // one closing brace short: still exactly one syntax error, whatever the depth
    for (const n of [101, 6000]) {
      const fs = lint(`FROM a\nARG a=${'${a:-'.repeat(n)}x${'}'.repeat(n - 1)}\n`, 'dockerfile');
      assert.deepEqual(fs.map((f) => f.code).sort(), ['DL1000', 'DL3006']);
    }
  });
});

describe('harden (core): found by the long fuzz runs, time', function () {
  this.timeout(60_000);
  before(engineReady);

  it('dockerfile #54653: 1,400 `ENV PATH /x:$PATH` lines lint in well under a second (the value grows each line)', () => {
    const text = 'FROM a\n' + 'ENV PATH /usr/share/bcc/tools:$PATH\n'.repeat(1400) + 'RUN echo $PATH\nCOPY $PATH /x\n';
    lint(text, 'dockerfile'); // warm-up
    const c0 = process.cpuUsage();
    const fs = lint(text, 'dockerfile');
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000;
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms of CPU`);
    assert.ok(!fs.some((f) => f.code.startsWith('DG')), fs.map((f) => f.code).join(','));
  });
});

describe('harden (core): found by the long fuzz runs, hang', function () {
  this.timeout(60_000);
  before(engineReady);

  it('vagrantfile #3341: 850 command calls without parentheses on one line (`conf conf conf ...`) are refused, not parsed', () => {
    // inside a block prism.wasm spun forever on this line (over 300 s); alone it trapped (memory access out of bounds)
    const line = '  conf'.repeat(850);
    for (const text of [line + '\n', `Vagrant.configure("2") do |config|\n${line}\n  config.vm.box = "x"\nend\n`]) {
      const fs = lint(text, 'vagrantfile');
      assert.deepEqual(fs.map((f) => f.code), ['DG002']);
      assert.match(fs[0].message, /arguments without parentheses/);
    }
    // a few are an ordinary file
    assert.ok(!lint('Vagrant.configure("2") do |config|\n  puts foo bar\n  config.vm.box = "x"\nend\n', 'vagrantfile').some((f) => f.code === 'DG002'));
  });
});

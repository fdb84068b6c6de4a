/**
 * The npm tarball, installed the way a user would (`npm install -g ./tarball` into a fresh prefix, offline, with an
 * empty npm cache), then the pre-commit hooks of .pre-commit-hooks.yaml run by Debian's `pre-commit` from a local
 * clone of the hook repository, with that installed command on PATH.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT } from '../helpers/setup';

function sh(cmd: string, args: string[], opts: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return { code: r.status, out: String(r.stdout ?? ''), err: String(r.stderr ?? '') };
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const BAD = 'FROM debian:12.8\nMAINTAINER Jane\nCMD ["bash"]\n';
const CLEAN = 'FROM debian:12.8\nLABEL org.opencontainers.image.authors="Jane"\nCMD ["bash"]\n';
// a file whose only finding has a safe fix (DKR004: the instruction's casing), for the --fix hook
const CASING = 'FROM debian:12.8\nrun echo hi\nCMD ["bash"]\n';
const CASING_FIXED = 'FROM debian:12.8\nRUN echo hi\nCMD ["bash"]\n';

describe('npm package and pre-commit hooks', function () {
  this.timeout(180_000);
  const tmp = mkdtempSync(join(tmpdir(), 'dg-install-'));
  const prefix = join(tmp, 'prefix');
  const bin = join(prefix, 'bin', 'devops-guidance');
  let tarball = '';
  let files: string[] = [];

  before(function () {
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) this.skip();
    // the build already ran (npm test builds first); --ignore-scripts keeps prepack from rebuilding dist/ under other suites
    const pack = sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT });
    assert.equal(pack.code, 0, pack.err);
    const info = JSON.parse(pack.out)[0];
    tarball = join(tmp, info.filename);
    files = info.files.map((f: { path: string }) => f.path);
    console.log(`      tarball ${info.filename}: ${(statSync(tarball).size / 1024).toFixed(0)} KiB packed, ${(info.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${files.length} files`);
    const install = sh('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
      env: { ...process.env, npm_config_cache: join(tmp, 'empty-npm-cache') },
    });
    assert.equal(install.code, 0, install.out + install.err);
  });

  it('ships the CLI, the language server and their assets, and no VS Code parts', () => {
    for (const f of ['dist/cli.js', 'dist/lsp.js', 'dist/prism-worker.js', 'dist/kb.json', 'dist/tree-sitter-bash.wasm', 'dist/prism.wasm', 'package.json']) assert.ok(files.includes(f), `${f} missing`);
    assert.ok(!files.includes('dist/extension.js'), 'the VS Code extension is not in the npm package');
    const pkg = JSON.parse(readFileSync(join(prefix, 'lib', 'node_modules', 'devops-guidance', 'package.json'), 'utf8'));
    assert.equal(pkg.dependencies, undefined, 'every dependency is bundled');
  });

  it('the installed command lints every kind', () => {
    const dir = mkdtempSync(join(tmp, 'lint-'));
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    writeFileSync(join(dir, 'my.cnf'), '[mysqld]\nkey_buffer = 16M\n');
    writeFileSync(join(dir, 'Vagrantfile'), 'Vagrant.configure("2") do |config|\n  config.vm.network "forwarded_port", guest: 80, host: 8080\nend\n');
    assert.equal(sh(bin, ['--version']).out.trim(), '0.1.0');
    const r = sh(bin, ['lint', '--no-shellcheck', '--format', 'json', '.'], { cwd: dir });
    assert.equal(r.code, 1, r.err);
    assert.deepEqual([...new Set(JSON.parse(r.out).map((f: { code: string }) => f.code))].sort(), ['DL4000', 'MYC020', 'VGT002']);
    assert.match(sh(bin, ['explain', 'DL4000']).out, /# DL4000/);
  });

  it('the installed command starts the language server', async () => {
    const child = spawn(bin, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no initialize result: ${out}`)), 20_000);
      child.stdout.on('data', (b) => {
        out += b;
        if (out.includes('"capabilities"')) {
          clearTimeout(timer);
          resolve(out);
        }
      });
    });
    child.kill();
    assert.match(reply, /"codeActionProvider"/);
    assert.match(reply, /"name":"devops-guidance"/);
  });

  describe('pre-commit (Debian) with .pre-commit-hooks.yaml from a local clone', function () {
    let env: NodeJS.ProcessEnv;
    let rev = '';
    let hookRepo = '';

    before(function () {
      if (!has('pre-commit') || !has('git')) {
        console.log('      (skipped: pre-commit or git is not installed; scripts/setup.sh installs them)');
        this.skip();
      }
      env = {
        ...process.env,
        PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}`,
        PRE_COMMIT_HOME: join(tmp, 'pre-commit-home'),
        HOME: tmp,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      };
      // the hook repository: this working tree's hook file, committed in a repository of its own
      hookRepo = join(tmp, 'hooks');
      mkdirSync(hookRepo);
      copyFileSync(join(ROOT, '.pre-commit-hooks.yaml'), join(hookRepo, '.pre-commit-hooks.yaml'));
      for (const args of [['init', '-q'], ['add', '.'], ['commit', '-qm', 'hooks']]) assert.equal(sh('git', args, { cwd: hookRepo, env }).code, 0);
      rev = sh('git', ['rev-parse', 'HEAD'], { cwd: hookRepo, env }).out.trim();
    });

    function repoWith(hooks: string[]): string {
      const dir = mkdtempSync(join(tmp, 'proj-'));
      writeFileSync(join(dir, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n${hooks.map((h) => `      - id: ${h}\n`).join('')}`);
      assert.equal(sh('git', ['init', '-q'], { cwd: dir, env }).code, 0);
      const inst = sh('pre-commit', ['install'], { cwd: dir, env });
      assert.equal(inst.code, 0, inst.out + inst.err);
      sh('git', ['add', '.pre-commit-config.yaml'], { cwd: dir, env });
      return dir;
    }

    const commit = (dir: string, msg: string) => sh('git', ['commit', '-m', msg], { cwd: dir, env });

    it('refuses a commit with a bad Dockerfile, showing the findings; a clean one passes', () => {
      const dir = repoWith(['devops-guidance', 'devops-guidance-dockerfile']);
      writeFileSync(join(dir, 'Dockerfile'), BAD);
      sh('git', ['add', 'Dockerfile'], { cwd: dir, env });
      const bad = commit(dir, 'bad');
      assert.notEqual(bad.code, 0, 'the commit went through');
      assert.match(bad.out + bad.err, /Dockerfile:2:1 error DL4000/);
      writeFileSync(join(dir, 'Dockerfile'), CLEAN);
      sh('git', ['add', 'Dockerfile'], { cwd: dir, env });
      const ok = commit(dir, 'clean');
      assert.equal(ok.code, 0, ok.out + ok.err);
      assert.match(ok.out + ok.err, /DevOps Guidance \(Dockerfiles\)\.+Passed/);
    });

    it('the per-kind hooks only see their files', () => {
      const dir = repoWith(['devops-guidance-mycnf', 'devops-guidance-vagrantfile']);
      writeFileSync(join(dir, 'Dockerfile'), BAD);
      sh('git', ['add', 'Dockerfile'], { cwd: dir, env });
      const r = commit(dir, 'a Dockerfile only');
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out + r.err, /MySQL\/MariaDB option files\)\.+\(no files to check\)Skipped/);
    });

    it('the --fix hook rewrites the file and fails once, then passes', () => {
      const dir = repoWith(['devops-guidance-fix']);
      writeFileSync(join(dir, 'Dockerfile'), CASING);
      sh('git', ['add', 'Dockerfile'], { cwd: dir, env });
      const first = commit(dir, 'fix me');
      assert.notEqual(first.code, 0);
      assert.match(first.out + first.err, /files were modified by this hook/);
      assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), CASING_FIXED);
      sh('git', ['add', 'Dockerfile'], { cwd: dir, env });
      const second = commit(dir, 'fixed');
      assert.equal(second.code, 0, second.out + second.err);
    });
  });
});

/** `lint --fix`, `--unsafe-fixes` and `--diff` on real files in a temporary folder, through the built CLI. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST, ROOT } from '../helpers/setup';

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-fix-'));
  cpSync(join(ROOT, 'test', 'lsp', 'fixtures', 'project'), dir, { recursive: true });
  return dir;
}

// Only DL3009's cleanup is safe here: LABEL instead of MAINTAINER changes the image's Author field, and the exec form
// of CMD drops the shell (variables, signals); both wait for --unsafe-fixes.
const FIXED_DOCKERFILE = [
  'FROM debian:12',
  'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
  'MAINTAINER someone@example.com',
  'CMD nginx -g "daemon off;"',
  '',
].join('\n');

const UNSAFE_FIXED_DOCKERFILE = [
  'FROM debian:12',
  'RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*',
  'LABEL org.opencontainers.image.authors="someone@example.com"',
  'CMD ["nginx", "-g", "daemon off;"]',
  '',
].join('\n');

describe('cli --fix', () => {
  it('applies the safe fixes in place, says what it fixed, and reports what remains', () => {
    const dir = project();
    const r = cli(['lint', '--fix', '--no-shellcheck', 'Dockerfile', 'my.cnf'], dir);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), FIXED_DOCKERFILE);
    assert.equal(readFileSync(join(dir, 'my.cnf'), 'utf8'), '[mysqld]\ninnodb_buffer_pool_size = 1G\nkey_buffer_size = 16M\n');
    assert.match(r.out, /^Dockerfile:2: fixed DL3009: Append `&& rm -rf \/var\/lib\/apt\/lists\/\*`$/m);
    // the project's .devops-guidance.yaml states the target, so the rename of a name's beginning is safe
    assert.match(r.out, /^my\.cnf:3: fixed MYC020: Write key_buffer_size/m);
    assert.match(r.err, /^devops-guidance: 2 fixes applied in 2 files \(3 more with --unsafe-fixes\)$/m);
    assert.match(r.out, /Dockerfile:3:1 error DL4000 .*\(fixable with --unsafe-fixes\)$/m);
    // DL3015's fix may change behaviour: not applied without --unsafe-fixes, still reported; DL3008 has no fix
    assert.match(r.out, /Dockerfile:2:23 info DL3015 .*\(fixable with --unsafe-fixes\)$/m);
    assert.match(r.out, /Dockerfile:2:42 warning DL3008/);
    assert.equal(r.code, 1, 'a warning remains');
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), [], 'no temporary file is left behind');
  });

  it('--unsafe-fixes adds the fixes that may change behaviour', () => {
    const dir = project();
    cli(['lint', '--fix', '--unsafe-fixes', '--no-shellcheck', 'Dockerfile', 'Vagrantfile'], dir);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), UNSAFE_FIXED_DOCKERFILE);
    assert.match(readFileSync(join(dir, 'Vagrantfile'), 'utf8'), /host: 8080, host_ip: "127\.0\.0\.1"/);
  });

  it('exits 0 when every finding was fixed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-fix-'));
    writeFileSync(join(dir, 'my.cnf'), '# devops-guidance target=mysql-8.4\n[mysqld]\nkey_buffer = 16M\n');
    const r = cli(['lint', '--fix', 'my.cnf'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.err, /1 fix applied in 1 file/);
    assert.match(r.out, /0 findings/);
  });

  it('keeps CRLF line endings, a byte-order mark and the file mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-fix-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:12\r\nMAINTAINER Jane\r\nCMD nginx -g "daemon off;"\r\n');
    writeFileSync(join(dir, 'Containerfile'), '\uFEFFFROM debian:12\nMAINTAINER Jane\n');
    chmodSync(join(dir, 'Containerfile'), 0o640);
    cli(['lint', '--fix', '--unsafe-fixes', '--no-shellcheck', '.'], dir);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), 'FROM debian:12\r\nLABEL org.opencontainers.image.authors="Jane"\r\nCMD ["nginx", "-g", "daemon off;"]\r\n');
    assert.equal(readFileSync(join(dir, 'Containerfile'), 'utf8'), '\uFEFFFROM debian:12\nLABEL org.opencontainers.image.authors="Jane"\n');
    assert.equal(statSync(join(dir, 'Containerfile')).mode & 0o777, 0o640);
  });

  it('a fix that inserts a line in a CRLF file inserts a CRLF line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-fix-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:12.8\r\nRUN curl -fsSL https://example.com/t.tgz | tar -xz -C /usr/local/bin\r\n');
    cli(['lint', '--fix', '--unsafe-fixes', '--no-shellcheck', 'Dockerfile'], dir);
    assert.equal(
      readFileSync(join(dir, 'Dockerfile'), 'utf8'),
      'FROM debian:12.8\r\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\r\nRUN curl -fsSL https://example.com/t.tgz | tar -xz -C /usr/local/bin\r\n',
    );
  });

  it('never writes a file that does not parse, nor one that is not UTF-8, and leaves unchanged files alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-fix-'));
    const broken = 'Vagrant.configure("2") do |config|\n  config.vm.network "forwarded_port", guest: 80, host: 8080\n  if (\nend\n';
    writeFileSync(join(dir, 'Vagrantfile'), broken);
    const latin1 = Buffer.from('FROM debian:12\nMAINTAINER J\xe9r\xf4me\n', 'latin1');
    writeFileSync(join(dir, 'Dockerfile'), latin1);
    writeFileSync(join(dir, 'my.cnf'), '[mysqld]\nmax_connections = 100\n');
    const before = statSync(join(dir, 'my.cnf')).mtimeMs;
    const r = cli(['lint', '--fix', '--unsafe-fixes', '--no-shellcheck', '.'], dir);
    assert.equal(readFileSync(join(dir, 'Vagrantfile'), 'utf8'), broken);
    assert.match(r.out, /Vagrantfile: not fixed: it does not parse \(VGT005/);
    assert.ok(readFileSync(join(dir, 'Dockerfile')).equals(latin1));
    assert.match(r.out, /Dockerfile: not fixed: it is not valid UTF-8/);
    assert.equal(statSync(join(dir, 'my.cnf')).mtimeMs, before);
  });

  it('--diff prints a unified diff that git apply accepts, writes nothing, and exits 1', () => {
    const dir = project();
    const r = cli(['lint', '--diff', '--no-shellcheck', '.'], dir);
    assert.equal(r.code, 1);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), readFileSync(join(ROOT, 'test', 'lsp', 'fixtures', 'project', 'Dockerfile'), 'utf8'));
    assert.match(r.out, /^--- a\/Dockerfile$/m);
    assert.match(r.out, /^\+RUN apt-get update && apt-get install -y curl && rm -rf \/var\/lib\/apt\/lists\/\*$/m);
    writeFileSync(join(dir, 'fix.patch'), r.out);
    const g = spawnSync('git', ['apply', '--unsafe-paths', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
    assert.equal(g.status, 0, g.stderr);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), FIXED_DOCKERFILE);
    // nothing left to change: no diff, exit 0
    const again = cli(['lint', '--diff', '--no-shellcheck', 'Dockerfile', 'my.cnf'], dir);
    assert.equal(again.out, '');
    assert.equal(again.code, 0);
  });

  it('refuses contradictory flags, and stdin', () => {
    const dir = project();
    const stdin = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'lint', '--fix', '--kind', 'mycnf', '-'], { encoding: 'utf8', input: '[mysqld]\n' });
    assert.equal(stdin.status, 2);
    assert.match(stdin.stderr, /cannot fix stdin/);
    assert.equal(cli(['lint', '--fix', '--diff', '.'], dir).code, 2);
    assert.equal(cli(['lint', '--unsafe-fixes', '.'], dir).code, 2);
  });
});

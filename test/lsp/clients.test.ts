/**
 * The language server under real clients nobody here wrote: Neovim 0.7's built-in LSP client (headless, driven by
 * nvim-client.lua) and Emacs's eglot 1.9 (Debian's elpa-eglot, driven by eglot-client.el). Each opens a Dockerfile,
 * an option file and a Vagrantfile from a fresh copy of fixtures/project, and reports what it received: diagnostics
 * with their ranges, a hover, the code actions at one diagnostic, and the buffer after applying one of them.
 * Installed by scripts/setup.sh; a missing client is a visible skip.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST, ROOT } from '../helpers/setup';

const HERE = join(ROOT, 'test', 'lsp');

interface Diag {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  code: string;
  message: string;
  href?: string;
}
interface FileResult {
  file: string;
  diagnostics: Diag[];
  hover: string | null;
  completions?: string[];
  symbols?: Sym[];
  imenu?: string[];
  actions?: string[];
  applied?: string;
  fixAllKinds?: string[];
  fixedText?: string;
  text: string;
  after: Diag[];
}
interface Sym {
  name: string;
  line: number;
  children: Sym[];
}
interface ClientResult {
  files: FileResult[];
  errors: string[];
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-lsp-'));
  cpSync(join(HERE, 'fixtures', 'project'), dir, { recursive: true });
  return dir;
}

interface FileSpec {
  name: string;
  hover: { line: number; character: number };
  complete?: { line: number; character: number };
  action: { code: string; title: string };
  fixAll?: boolean;
}

function run(cmd: string, args: string[], files: FileSpec[], settings?: object): Promise<ClientResult> {
  const dir = project();
  const spec = {
    cmd: [process.execPath, join(DIST, 'cli.js'), 'lsp', '--stdio'],
    root: dir,
    settings,
    files: files.map((f) => ({ ...f, file: join(dir, f.name), name: undefined })),
  };
  const specFile = join(dir, '.spec.json');
  const outFile = join(dir, '.out.json');
  writeFileSync(specFile, JSON.stringify(spec));
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, DG_SPEC: specFile, DG_OUT: outFile, HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (b) => (log += b));
    child.stderr.on('data', (b) => (log += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(readFileSync(outFile, 'utf8')) as ClientResult);
      } catch (e) {
        reject(new Error(`${cmd} wrote no result (${(e as Error).message}):\n${log}`));
      }
    });
  });
}

/** [line, startCol, endLine, endCol] per code, 0-based as both clients count them (ASCII files: bytes = UTF-16). */
const EXPECTED: Record<string, Record<string, [number, number, number, number]>> = {
  Dockerfile: { DL3009: [1, 4, 1, 18], DL3008: [1, 41, 1, 45], DL4000: [2, 0, 2, 10], DL3025: [3, 4, 3, 26] },
  'my.cnf': { MYC020: [2, 0, 2, 10] },
  Vagrantfile: { VGT002: [2, 49, 2, 59] },
};

function byName(r: ClientResult, name: string): FileResult {
  const f = r.files.find((x) => x.file.endsWith(`/${name}`));
  assert.ok(f, `no result for ${name}: ${JSON.stringify(r.errors)}`);
  return f;
}

function checkDiagnostics(f: FileResult, name: string): void {
  for (const [code, [l, c, el, ec]] of Object.entries(EXPECTED[name])) {
    const d = f.diagnostics.find((x) => x.code === code);
    assert.ok(d, `${name}: no ${code} among ${f.diagnostics.map((x) => x.code).join(', ')}`);
    assert.deepEqual([d.lnum, d.col, d.end_lnum, d.end_col], [l, c, el, ec], `${name} ${code} range`);
  }
}

const SPECS: FileSpec[] = [
  { name: 'Dockerfile', hover: { line: 2, character: 3 }, action: { code: 'DL4000', title: 'Replace with LABEL' }, fixAll: true },
  { name: 'my.cnf', hover: { line: 1, character: 3 }, complete: { line: 1, character: 6 }, action: { code: 'MYC020', title: 'Write key_buffer_size' } },
  { name: 'Vagrantfile', hover: { line: 2, character: 52 }, action: { code: 'VGT002', title: 'Ignore VGT002 for this line' } },
];

const ORIGINAL = {
  Dockerfile: readFileSync(join(HERE, 'fixtures', 'project', 'Dockerfile'), 'utf8'),
  'my.cnf': readFileSync(join(HERE, 'fixtures', 'project', 'my.cnf'), 'utf8'),
  Vagrantfile: readFileSync(join(HERE, 'fixtures', 'project', 'Vagrantfile'), 'utf8'),
};

describe('language server under Neovim 0.7 (built-in client, headless)', function () {
  this.timeout(90_000);
  let result: ClientResult;
  before(async function () {
    if (!has('nvim')) {
      console.log('    (skipped: nvim is not installed; scripts/setup.sh installs it)');
      this.skip();
    }
    // settings reach the server through workspace/configuration: DL3015 is turned off
    result = await run('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(HERE, 'nvim-client.lua')}`], SPECS, { rules: { DL3015: 'off' } });
  });

  it('takes its settings from the client (workspace/configuration)', () => {
    const df = byName(result, 'Dockerfile');
    assert.ok(!df.diagnostics.some((d) => d.code === 'DL3015'), 'DL3015 was turned off in the client settings');
  });

  it('source.fixAll applies every safe fix at once', () => {
    // LABEL is there because the client applied the DL4000 action first; the exec form of CMD is an unsafe fix
    // (no shell any more), so fix-all leaves the shell form alone
    const df = byName(result, 'Dockerfile');
    assert.deepEqual(df.fixAllKinds, ['source.fixAll.devops-guidance']);
    assert.equal(
      df.fixedText + '\n',
      [
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
        'LABEL org.opencontainers.image.authors="someone@example.com"',
        'CMD nginx -g "daemon off;"',
        '',
      ].join('\n'),
    );
  });

  it('reports no client-side errors', () => assert.deepEqual(result.errors, []));

  for (const name of ['Dockerfile', 'my.cnf', 'Vagrantfile']) {
    it(`${name}: diagnostics with exact ranges, codes, source and a reference link`, () => {
      const f = byName(result, name);
      checkDiagnostics(f, name);
      for (const d of f.diagnostics) assert.match(d.href ?? '', /^https:\/\//, `${d.code} has no codeDescription link`);
    });
  }

  it('hovers: the rule under the cursor with why and fix, and the reference of the instruction or option', () => {
    const df = byName(result, 'Dockerfile');
    assert.match(df.hover ?? '', /\*\*DL4000 maintainer-deprecated\*\*/);
    assert.match(df.hover ?? '', /\*\*MAINTAINER\*\*/);
    assert.match(byName(result, 'my.cnf').hover ?? '', /innodb_buffer_pool_size/);
    assert.match(byName(result, 'Vagrantfile').hover ?? '', /VGT002/);
  });

  it('outlines each file (document symbols)', () => {
    const names = (xs: Sym[] | undefined): unknown => (xs ?? []).map((x) => (x.children.length ? { [x.name]: names(x.children) } : x.name));
    assert.deepEqual(names(byName(result, 'Dockerfile').symbols), [{ 'stage 0': ['FROM', 'RUN', 'MAINTAINER', 'CMD'] }]);
    assert.deepEqual(names(byName(result, 'my.cnf').symbols), [{ '[mysqld]': ['innodb_buffer_pool_size', 'key_buffer'] }]);
    assert.deepEqual(names(byName(result, 'Vagrantfile').symbols), [{ 'Vagrant.configure("2")': ['network forwarded_port', 'provision shell'] }]);
    assert.equal(byName(result, 'Vagrantfile').symbols?.[0].children[1].line, 3);
  });

  it('completes option names in an option file', () => {
    assert.ok(byName(result, 'my.cnf').completions?.includes('innodb_buffer_pool_size'));
  });

  it('applies a fix, a fix and an ignore comment as code actions, and the diagnostics follow', () => {
    const df = byName(result, 'Dockerfile');
    assert.equal(df.text + '\n', ORIGINAL.Dockerfile.replace('MAINTAINER someone@example.com', 'LABEL org.opencontainers.image.authors="someone@example.com"'));
    assert.ok(!df.after.some((d) => d.code === 'DL4000'));
    assert.ok(df.actions?.includes('Ignore DL4000 in this file'));
    const cnf = byName(result, 'my.cnf');
    assert.equal(cnf.text + '\n', ORIGINAL['my.cnf'].replace('key_buffer =', 'key_buffer_size ='));
    assert.ok(!cnf.after.some((d) => d.code === 'MYC020'));
    const vf = byName(result, 'Vagrantfile');
    assert.equal(vf.text + '\n', ORIGINAL.Vagrantfile.replace('  config.vm.network', '  # devops-guidance ignore=VGT002\n  config.vm.network'));
    assert.ok(!vf.after.some((d) => d.code === 'VGT002'));
    assert.ok(vf.actions?.some((t) => /host_ip.*\(review: may change behaviour\)/.test(t)), 'an unsafe fix is offered and marked');
  });
});

describe('language server under Emacs eglot 1.9 (Debian elpa-eglot)', function () {
  this.timeout(90_000);
  let result: ClientResult;
  before(async function () {
    if (!has('emacs') || spawnSync('sh', ['-c', 'ls /usr/share/emacs/site-lisp/elpa/ | grep -q "^eglot-"']).status !== 0) {
      console.log('    (skipped: emacs or elpa-eglot is not installed; scripts/setup.sh installs them)');
      this.skip();
    }
    result = await run('emacs', ['--batch', '-Q', '-l', join(HERE, 'eglot-client.el')], [
      { name: 'Dockerfile', hover: { line: 3, character: 6 }, action: { code: 'DL3025', title: 'Convert to exec form' } },
      { name: 'my.cnf', hover: { line: 2, character: 2 }, action: { code: 'MYC020', title: 'Ignore MYC020 in this file' } },
      { name: 'Vagrantfile', hover: { line: 2, character: 52 }, action: { code: 'VGT002', title: 'host_ip' } },
    ]);
  });

  it('reports no client-side errors', () => assert.deepEqual(result.errors, []));

  for (const name of ['Dockerfile', 'my.cnf', 'Vagrantfile']) {
    it(`${name}: Flymake diagnostics with exact ranges and codes`, () => checkDiagnostics(byName(result, name), name));
  }

  it('imenu lists the outline (document symbols)', () => {
    const df = byName(result, 'Dockerfile').imenu ?? [];
    for (const n of ['stage 0', 'FROM', 'MAINTAINER', 'CMD']) assert.ok(df.includes(n), `${n} not in ${df.join(', ')}`);
    const cnf = byName(result, 'my.cnf').imenu ?? [];
    for (const n of ['[mysqld]', 'key_buffer']) assert.ok(cnf.includes(n), `${n} not in ${cnf.join(', ')}`);
    assert.ok((byName(result, 'Vagrantfile').imenu ?? []).includes('provision shell'));
  });

  it('hovers on a finding', () => {
    assert.match(byName(result, 'Dockerfile').hover ?? '', /DL3025/);
    assert.match(byName(result, 'my.cnf').hover ?? '', /MYC020/);
  });

  it('applies code actions through eglot: a safe fix, an ignore-file comment, an unsafe fix', () => {
    const df = byName(result, 'Dockerfile');
    assert.equal(df.text, ORIGINAL.Dockerfile.replace('CMD nginx -g "daemon off;"', 'CMD ["nginx", "-g", "daemon off;"]'));
    assert.ok(!df.after.some((d) => d.code === 'DL3025'));
    const cnf = byName(result, 'my.cnf');
    assert.equal(cnf.text, '# devops-guidance ignore-file=MYC020\n' + ORIGINAL['my.cnf']);
    assert.ok(!cnf.after.some((d) => d.code === 'MYC020'));
    const vf = byName(result, 'Vagrantfile');
    assert.equal(vf.text, ORIGINAL.Vagrantfile.replace('host: 8080', 'host: 8080, host_ip: "127.0.0.1"'));
    assert.ok(!vf.after.some((d) => d.code === 'VGT002'));
  });
});

/**
 * The language server at the protocol level, for what the editor tests do not reach: ShellCheck only with an absolute
 * path, documents without a file (untitled, kind from the language id), closing clears, configuration from
 * workspace/configuration, and problems in the project configuration file shown on that file. The server runs as
 * the built `devops-guidance lsp --stdio`; the client side is vscode-jsonrpc.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { DIST } from '../helpers/setup';
import { workspaceFolderOf } from '../../src/lsp/server';

interface Diag {
  code: string;
  range: { start: { line: number; character: number } };
  source?: string;
}

class Client {
  readonly child: ChildProcess;
  readonly conn: MessageConnection;
  readonly published = new Map<string, Diag[][]>();
  private waiters: (() => void)[] = [];

  constructor(settings: unknown) {
    this.child = spawn(process.execPath, [join(DIST, 'cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) => {
      if (!this.published.has(p.uri)) this.published.set(p.uri, []);
      this.published.get(p.uri)!.push(p.diagnostics);
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }

  async start(root: string, folders?: string[]): Promise<void> {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      ...(folders ? { workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: f })) } : {}),
      capabilities: { workspace: { configuration: true } },
    });
    await this.conn.sendNotification('initialized', {});
  }

  open(uri: string, languageId: string, text: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Resolves with the diagnostics of `uri` once `pred` holds for its latest publication. */
  async diagnostics(uri: string, pred: (d: Diag[]) => boolean = () => true, ms = 20_000): Promise<Diag[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const list = this.published.get(uri);
      const last = list?.[list.length - 1];
      if (last && pred(last)) return last;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(list)}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }

  async stop(): Promise<void> {
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    this.conn.dispose();
  }
}

const SC_DOCKERFILE = 'FROM debian:12\nRUN echo $1 && a=1\n';
const shellcheck = spawnSync('sh', ['-c', 'command -v shellcheck'], { encoding: 'utf8' }).stdout.trim();

describe('language server protocol', function () {
  this.timeout(60_000);

  it('runs ShellCheck only with an absolute path from the settings', async function () {
    if (!shellcheck) {
      console.log('    (skipped: shellcheck is not installed)');
      this.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'dg-lsp-proto-'));
    writeFileSync(join(dir, 'Dockerfile'), SC_DOCKERFILE);
    const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
    for (const [path, expectSc] of [
      ['shellcheck', false],
      [shellcheck, true],
    ] as const) {
      const c = new Client({ shellcheck: { path } });
      await c.start(dir);
      await c.open(uri, 'dockerfile', SC_DOCKERFILE);
      const first = await c.diagnostics(uri);
      if (expectSc) {
        const withSc = await c.diagnostics(uri, (d) => d.some((x) => x.code === 'SC2086'));
        assert.ok(withSc.some((x) => x.code === 'SC2034'));
      } else {
        // give ShellCheck time it would have had, then check it never ran
        await new Promise((r) => setTimeout(r, 1500));
        const all = c.published.get(uri)!.flat();
        assert.ok(!all.some((x) => x.code.startsWith('SC')), `ShellCheck ran with a relative path: ${JSON.stringify(first)}`);
      }
      await c.stop();
    }
  });

  it('lints an untitled document by its language id, clears diagnostics on close, reads workspace/configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-lsp-proto-'));
    const c = new Client({ rules: { DL3007: 'error' } });
    await c.start(dir);
    const uri = 'untitled:Untitled-1';
    await c.open(uri, 'dockerfile', 'FROM node:latest\n');
    const d = await c.diagnostics(uri, (x) => x.length > 0);
    const latest = d.find((x) => x.code === 'DL3007') as Diag & { severity: number };
    assert.ok(latest, JSON.stringify(d));
    assert.equal(latest.severity, 1, 'DL3007 raised to error by workspace/configuration');
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await c.diagnostics(uri, (x) => x.length === 0);
    // a document of no kind of ours gets nothing
    await c.open('untitled:notes', 'plaintext', 'FROM node:latest\n');
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(c.published.get('untitled:notes'), undefined);
    await c.stop();
  });

  it('shows a broken .devops-guidance.yaml on that file, and still lints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-lsp-proto-'));
    writeFileSync(join(dir, '.devops-guidance.yaml'), 'rules:\n  DL3007: loud\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:latest\n');
    const c = new Client(null);
    await c.start(dir);
    const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
    await c.open(uri, 'dockerfile', 'FROM node:latest\n');
    const cfg = await c.diagnostics(pathToFileURL(join(dir, '.devops-guidance.yaml')).href, (x) => x.length > 0);
    assert.equal(cfg[0].range.start.line, 1);
    await c.stop();
  });

  it("an included option file's diagnostics are owned by one lint: the includer's while it is closed, its own while open", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-lsp-include-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'my.cnf'), '[mysqld]\nmax_connections = 200\n!include extra.cnf\n');
    writeFileSync(join(dir, 'extra.cnf'), '[mysqld]\nbinlog_format = STATEMENT\n');
    const parent = pathToFileURL(join(dir, 'my.cnf')).href;
    const extra = pathToFileURL(join(dir, 'extra.cnf')).href;
    const notRow = (ds: Diag[]) => ds.some((d) => d.code === 'MYC031');
    const c = new Client(null);
    await c.start(dir);
    await c.open(parent, 'mycnf', '[mysqld]\nmax_connections = 200\n!include extra.cnf\n');
    const spilled = (await c.diagnostics(extra, notRow)).find((d) => d.code === 'MYC031') as Diag & { relatedInformation?: { location: { uri: string; range: { start: { line: number } } } }[] };
    // "read through this !include": the include line is in my.cnf, not in extra.cnf
    assert.deepEqual(spilled.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[parent, 2]]);
    // opened, and edited to ROW (not saved): its own lint publishes no MYC031
    await c.open(extra, 'mycnf', '[mysqld]\nbinlog_format = ROW\n');
    await c.diagnostics(extra, (ds) => !notRow(ds));
    // the includer linted again reads the saved STATEMENT: it must not publish that onto the open file
    const before = c.published.get(parent)!.length;
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: parent, version: 2 }, contentChanges: [{ text: '[mysqld]\nmax_connections = 300\n!include extra.cnf\n' }] });
    await c.diagnostics(parent, () => c.published.get(parent)!.length > before);
    await new Promise((r) => setTimeout(r, 300));
    const last = c.published.get(extra)!;
    assert.ok(!notRow(last[last.length - 1]), `the includer's lint overwrote the open file's diagnostics: ${JSON.stringify(last[last.length - 1])}`);
    // closed: the includer's lint shows its findings on it again
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: extra } });
    await c.diagnostics(extra, notRow);
    await c.stop();
  });

  it('matches a file to its workspace folder by path segment: /x/a does not hold /x/ab/Dockerfile', async () => {
    assert.equal(workspaceFolderOf('/x/ab/Dockerfile', ['/x/a']), undefined);
    assert.equal(workspaceFolderOf('/x/a/Dockerfile', ['/x/a']), '/x/a');
    assert.equal(workspaceFolderOf('/x/a/sub/Dockerfile', ['/x/a/', '/x/a/sub', '/x/ab']), '/x/a/sub');
    assert.equal(workspaceFolderOf('/x/a/..b/Dockerfile', ['/x/a']), '/x/a', 'a folder whose name starts with two dots is inside');
    assert.equal(workspaceFolderOf('/x/Dockerfile', ['/x/a']), undefined);
    // seen through the server: the workspace folder bounds the configuration lookup, else the file's repository
    // does. /x/ab is a repository (.git) outside the one workspace folder /x/a; a .devops-guidance.yaml above it (in
    // /x) must not apply. Taking /x/a for the folder of /x/ab/Dockerfile made the lookup climb past /x/ab to /x.
    const x = mkdtempSync(join(tmpdir(), 'dg-lsp-folder-'));
    mkdirSync(join(x, 'a'));
    mkdirSync(join(x, 'ab', '.git'), { recursive: true });
    writeFileSync(join(x, '.devops-guidance.yaml'), 'rules:\n  DL3007: off\n');
    writeFileSync(join(x, 'ab', 'Dockerfile'), 'FROM node:latest\n');
    const c = new Client(null);
    await c.start(join(x, 'a'), [join(x, 'a')]);
    const uri = pathToFileURL(join(x, 'ab', 'Dockerfile')).href;
    await c.open(uri, 'dockerfile', 'FROM node:latest\n');
    const d = await c.diagnostics(uri, (ds) => ds.length > 0);
    assert.ok(d.some((x) => x.code === 'DL3007'), `the configuration above the repository applied: ${JSON.stringify(d)}`);
    await c.stop();
  });
});

describe('language server code actions', function () {
  this.timeout(60_000);

  it('offers each fix, fix all of a code, ignore on the line and in the file, and honours context.only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-lsp-proto-'));
    // two findings of a code with a safe fix (DKR004: an instruction's casing)
    const text = 'FROM debian:12.8\nrun echo a\nCOPY a /a\nrun echo b\nCMD ["bash"]\n';
    writeFileSync(join(dir, 'Dockerfile'), text);
    const c = new Client(null);
    await c.start(dir);
    const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
    await c.open(uri, 'dockerfile', text);
    const diags = await c.diagnostics(uri, (x) => x.filter((d) => d.code === 'DKR004').length === 2);
    const first = diags.find((d) => d.code === 'DKR004')!;
    type Action = { title: string; kind: string; edit: { changes: Record<string, { newText: string }[]> } };
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first] },
    })) as Action[];
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles, [
      'Write "RUN"',
      'Fix all DKR004 problems in this file (2)',
      'Ignore DKR004 for this line',
      'Ignore DKR004 in this file',
      'DevOps Guidance: fix all safely fixable problems',
    ]);
    assert.equal(actions[1].edit.changes[uri].length, 2);
    assert.equal(actions[3].edit.changes[uri][0].newText, '# devops-guidance ignore-file=DKR004\n');
    const onlyQuick = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first], only: ['quickfix'] },
    })) as Action[];
    assert.ok(!onlyQuick.some((a) => a.kind.startsWith('source')));
    const onlySource = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [], only: ['source'] },
    })) as Action[];
    assert.deepEqual(onlySource.map((a) => a.kind), ['source.fixAll.devops-guidance']);
    await c.stop();
  });
});

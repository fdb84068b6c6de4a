/** Snippets: contributed per kind, offered by completion in files of that kind, and what they insert lints clean. */
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, extension, open, writeFile, deleteFile, revertAndCloseAll, ours, describeDiagnostics, waitFor } from '../helpers';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/** The file each contributed snippet language is tried in. */
const FILE_FOR: Record<string, string> = { dockerfile: 'Dockerfile', ruby: 'Vagrantfile', mycnf: 'my.cnf' };

function contributed(): { language: string; snippets: [string, Snippet][] }[] {
  const ext = extension();
  const entries: { language: string; path: string }[] = ext.packageJSON.contributes?.snippets ?? [];
  // option-file snippets are offered by the extension's completion provider (only where a file can start)
  return [...entries, { language: 'mycnf', path: 'snippets/mycnf.json' }].map((e) => ({
    language: e.language,
    snippets: Object.entries(JSON.parse(readFileSync(join(ext.extensionPath, e.path), 'utf8')) as Record<string, Snippet>),
  }));
}

const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('snippets', function () {
  this.timeout(30000);
  afterEach(revertAndCloseAll);
  after(() => deleteFile('snippet-check'));

  it('option-file snippets are not offered after = in an option line, nor in a comment', async () => {
    const path = 'snippet-check/after-equals/my.cnf';
    await writeFile(path, '[mysqld]\ninnodb_buffer_pool_size = my\n# my\nmy\n');
    const editor = await open(path);
    const snippetsAt = async (line: number, character: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, character));
      return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    };
    assert.deepEqual(await snippetsAt(1, 28), [], 'snippets offered after =');
    assert.deepEqual(await snippetsAt(2, 4), [], 'snippets offered in a comment');
    assert.ok((await snippetsAt(3, 2)).some((l) => l.startsWith('mycnf-')), 'no option-file snippet at the start of a line');
  });

  it('option completions show the one-line summary, the type and the default', async () => {
    const path = 'snippet-check/options/my.cnf';
    await writeFile(path, '[mysqld]\ninnodb_buffer_pool_si\n');
    const editor = await open(path);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(1, 20));
    const item = list.items.find((i) => labelOf(i) === 'innodb_buffer_pool_size');
    assert.ok(item, `no innodb_buffer_pool_size completion: ${list.items.slice(0, 10).map(labelOf).join(', ')}`);
    assert.ok(typeof item.label === 'object' && (item.label.description ?? '').length > 10, `no summary beside the name: ${JSON.stringify(item.label)}`);
    assert.match(item.detail ?? '', /^size · default 128M/, `type and default: ${item.detail}`);
  });

  it('are contributed for dockerfile, ruby (Vagrantfile) and mycnf', () => {
    const langs = contributed().map((c) => c.language).sort();
    assert.deepEqual(langs, ['dockerfile', 'mycnf', 'ruby']);
    for (const c of contributed()) assert.ok(c.snippets.length > 0, `no snippets for ${c.language}`);
  });

  for (const language of ['dockerfile', 'ruby', 'mycnf']) {
    it(`${language}: offered by completion, and each inserts text that has no warning or error`, async () => {
      const group = contributed().find((c) => c.language === language);
      assert.ok(group, `no snippets contributed for ${language}`);
      const path = `snippet-check/${language}/${FILE_FOR[language]}`;
      await writeFile(path, '');
      const editor = await open(path);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 0));
      const offered = new Set(list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf));
      for (const [name, s] of group.snippets) {
        assert.ok(prefixes(s).some((p) => offered.has(p)), `snippet "${name}" (${prefixes(s).join(', ')}) is not offered in ${FILE_FOR[language]}; offered: ${[...offered].join(', ')}`);
      }
      const { linter } = await api();
      for (const [name, s] of group.snippets) {
        await editor.edit((e) => e.delete(new vscode.Range(0, 0, editor.document.lineCount, 0)));
        const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
        // a Dockerfile piece (RUN, COPY, HEALTHCHECK...) goes below a FROM and a WORKDIR, as a user inserts it (alone it
        // has no stage)
        const base = language === 'dockerfile' && !/^\s*(#|FROM\b)/i.test(body) ? `FROM ${/\bapk\b/.test(body) ? 'alpine:3.20' : 'debian:12.8'}\nWORKDIR /app\n` : '';
        if (base) assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), base)));
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(base ? 2 : 0, 0)));
        assert.ok(editor.document.getText().trim().length > 20, `snippet "${name}" inserted nothing`);
        const findings = await linter.lintNow(editor.document);
        assert.ok(findings, `snippet "${name}": the extension did not lint ${path}`);
        const bad = findings.filter((f) => f.severity === 'warning' || f.severity === 'error');
        assert.deepEqual(
          bad.map((f) => f.code),
          [],
          `snippet "${name}" produces findings:\n${bad.map((f) => `  ${f.code} ${f.name} (line ${f.range.start.line + 1}): ${f.message}`).join('\n')}\n--- inserted text:\n${editor.document.getText()}`,
        );
        // and the editor shows exactly that
        await waitFor(() => ours(editor.document.uri).length === findings.length, `the Problems panel to show ${findings.length} finding(s); shows ${describeDiagnostics(ours(editor.document.uri))}`);
      }
    });
  }
});

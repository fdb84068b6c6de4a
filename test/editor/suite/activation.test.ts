/**
 * Activation, seen from a cold extension host: run.mjs runs this file alone in three passes, each opening a folder
 * `activation-<kind>` that holds one file of that kind. In the main pass it is not loaded (index.ts).
 */
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { extension, open, ours, waitFor, waitForDiagnostics, revertAndCloseAll, describeDiagnostics, log } from '../helpers';

const KINDS = {
  dockerfile: { file: 'Dockerfile', languageId: 'dockerfile' },
  mycnf: { file: 'my.cnf', languageId: 'mycnf' },
  vagrantfile: { file: 'Vagrantfile', languageId: 'ruby' },
} as const;

const folderName = vscode.workspace.workspaceFolders?.[0]?.name ?? '';
const kind = /^activation-(\w+)$/.exec(folderName)?.[1] as keyof typeof KINDS | undefined;

describe(`activation by a ${kind ?? '(unknown kind)'} file`, function () {
  // generous: the three activation passes share the machine's cores with each other
  this.timeout(60000);
  after(revertAndCloseAll);

  it('runs in a folder made for one kind', () => {
    assert.ok(kind && KINDS[kind], `workspace folder "${folderName}" is not activation-<dockerfile|mycnf|vagrantfile>`);
  });

  it('is installed but not active before a file of its kinds is opened', () => {
    const ext = extension();
    assert.equal(ext.isActive, false, 'the extension activated with no file of its kinds open (a "*" or startup activation event?)');
  });

  it(`activates on opening the ${kind && KINDS[kind].file}, in the Node extension host, and lints it`, async () => {
    const { file, languageId } = KINDS[kind!];
    const ext = extension();
    const t0 = performance.now();
    const editor = await open(file);
    assert.equal(editor.document.languageId, languageId, `${file} opened as ${editor.document.languageId}`);
    await waitFor(() => ext.isActive, `the extension to activate after opening ${file}`, 30000);
    const tActive = performance.now() - t0;
    const ds = await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, `a first diagnostic on ${file}`, 30000);
    const tFirst = performance.now() - t0;
    // The extension's own code runs in the server's Node extension host (not the browser's web worker host).
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
    assert.ok(vscode.env.remoteName, 'no remote name: not running in the server-side extension host');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.match(process.versions.node ?? '', /^\d+\./, 'process.versions.node is not set: not a Node extension host');
    assert.ok(
      ext.extensionPath.startsWith(process.env.DG_EXTENSIONS_DIR ?? '\0'),
      `the extension under test was loaded from ${ext.extensionPath}, not from the installed .vsix in ${process.env.DG_EXTENSIONS_DIR}`,
    );
    const activationMs = ext.exports?.activationMs;
    assert.equal(typeof activationMs, 'number', 'activate() should return { activationMs }');
    log(`DG_METRIC activate.${kind} ${activationMs!.toFixed(1)}`);
    log(`DG_METRIC open-to-active.${kind} ${tActive.toFixed(1)}`);
    log(`DG_METRIC open-to-first-diagnostic.${kind} ${tFirst.toFixed(1)}`);
    assert.ok(ds.every((d) => d.source === 'devops-guidance'), describeDiagnostics(ours(editor.document.uri)));
  });
});

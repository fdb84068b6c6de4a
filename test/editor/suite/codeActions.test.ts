/** Code actions: a quick fix applied per kind, ignore on this line, ignore in this file, fix all, show docs. */
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, linted, writeFile, deleteFile, ours, codeOf, codeOfRule, codeActions, waitForCode, waitForDiagnostics, revertAndCloseAll, describeDiagnostics, api } from '../helpers';

const titles = (as: vscode.CodeAction[]) => as.map((a) => a.title).join(' | ') || '(none)';

/**
 * Quick fixes proper (not ignores, docs or fix-all) among the actions at a diagnostic's range. The API hands code
 * actions back without their `diagnostics`, so they are told apart by title.
 */
function fixesFor(actions: vscode.CodeAction[]): vscode.CodeAction[] {
  return actions.filter((a) => a.edit && !/^Ignore |^Show documentation|^Fix all/.test(a.title));
}

async function applyFix(editor: vscode.TextEditor, code: string, expectedTitle: RegExp, preferred: boolean): Promise<vscode.Diagnostic> {
  const uri = editor.document.uri;
  const d = await waitForCode(uri, code);
  const actions = await codeActions(uri, d.range);
  const fixes = fixesFor(actions);
  const fix = fixes.find((a) => expectedTitle.test(a.title));
  assert.ok(fix, `no quick fix titled ${expectedTitle} for ${code}; offered: ${titles(actions)}`);
  assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.equal(!!fix.isPreferred, preferred, `${fix.title}: a safe fix is the preferred one (auto fix), an unsafe one never is`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the workspace edit was not applied');
  await waitForDiagnostics(uri, (ds) => !ds.some((x) => codeOf(x) === code && x.range.start.line === d.range.start.line), `${code} to disappear after the fix`);
  return d;
}

describe('code actions', function () {
  this.timeout(30000);
  afterEach(revertAndCloseAll);

  it('Dockerfile: "Replace ADD with COPY" (DL3020) rewrites the instruction, and the finding goes', async () => {
    const editor = await open('Dockerfile');
    await applyFix(editor, 'DL3020', /^Replace ADD with COPY$/, true);
    assert.equal(editor.document.lineAt(4).text, 'COPY src/ /app/src/');
    assert.ok(ours(editor.document.uri).some((x) => codeOf(x) === 'DL3007'), 'other findings must stay');
  });

  it('Vagrantfile: forwarded-port-all-interfaces adds host_ip: "127.0.0.1" (marked for review)', async () => {
    const editor = await open('Vagrantfile');
    const code = await codeOfRule('forwarded-port-all-interfaces');
    await applyFix(editor, code, /host_ip: "127\.0\.0\.1".*\(review/, false);
    assert.equal(editor.document.lineAt(4).text, '  config.vm.network "forwarded_port", id: "café", guest: 80, host: 8080, host_ip: "127.0.0.1"');
  });

  it('my.cnf: binlog-format-not-row sets the format to ROW (marked for review)', async () => {
    const editor = await open('my.cnf');
    const code = await codeOfRule('binlog-format-not-row');
    await applyFix(editor, code, /ROW.*\(review/, false);
    assert.equal(editor.document.lineAt(4).text, 'binlog_format = ROW');
  });

  it('"Ignore … for this line" inserts the comment above, with the indentation, and the finding goes', async () => {
    const editor = await open('Dockerfile');
    const d = await waitForCode(editor.document.uri, 'DL3007');
    const ignore = (await codeActions(editor.document.uri, d.range)).find((a) => a.title === 'Ignore DL3007 for this line');
    assert.ok(ignore?.edit, 'no "Ignore DL3007 for this line" action');
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    // hadolint's form by default, so hadolint in CI honours the same comment
    assert.equal(editor.document.lineAt(0).text, '# hadolint ignore=DL3007');
    assert.equal(editor.document.lineAt(1).text, 'FROM node:latest');
    await waitForDiagnostics(editor.document.uri, (ds) => !ds.some((x) => codeOf(x) === 'DL3007') && ds.some((x) => codeOf(x) === 'DL3020'), 'DL3007 to be silenced (and only it)');
    await vscode.commands.executeCommand('workbench.action.files.revert');

    // our own form when the setting asks for it
    const config = vscode.workspace.getConfiguration('devopsGuidance');
    await config.update('dockerfile.ignoreCommentStyle', 'devops-guidance', vscode.ConfigurationTarget.Workspace);
    try {
      const d2 = await waitForCode(editor.document.uri, 'DL3007');
      const ours_ = (await codeActions(editor.document.uri, d2.range)).find((a) => a.title === 'Ignore DL3007 for this line');
      assert.ok(ours_?.edit && (await vscode.workspace.applyEdit(ours_.edit)));
      assert.equal(editor.document.lineAt(0).text, '# devops-guidance ignore=DL3007');
    } finally {
      await config.update('dockerfile.ignoreCommentStyle', undefined, vscode.ConfigurationTarget.Workspace);
    }

    const vagrant = await open('Vagrantfile');
    const box = await codeOfRule('box-version-unpinned');
    const vd = await waitForCode(vagrant.document.uri, box);
    const vignore = (await codeActions(vagrant.document.uri, vd.range)).find((a) => a.title === `Ignore ${box} for this line`);
    assert.ok(vignore?.edit, `no "Ignore ${box} for this line" action`);
    assert.ok(await vscode.workspace.applyEdit(vignore.edit));
    assert.equal(vagrant.document.lineAt(2).text, `  # devops-guidance ignore=${box}`);
    await waitForDiagnostics(vagrant.document.uri, (ds) => !ds.some((x) => codeOf(x) === box), `${box} to be silenced`);
  });

  it('"Ignore … in this file" silences every finding of that code', async () => {
    const editor = await open('Vagrantfile');
    const code = await codeOfRule('public-network');
    const d = await waitForCode(editor.document.uri, code);
    const others = ours(editor.document.uri).filter((x) => codeOf(x) !== code).length;
    const action = (await codeActions(editor.document.uri, d.range)).find((a) => a.title === `Ignore ${code} in this file`);
    assert.ok(action?.edit, `no "Ignore ${code} in this file" action`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.equal(editor.document.lineAt(0).text, '# -*- mode: ruby -*-', 'the Emacs modeline must stay the first line');
    assert.equal(editor.document.lineAt(1).text, `# devops-guidance ignore-file=${code}`);
    await waitForDiagnostics(editor.document.uri, (ds) => !ds.some((x) => codeOf(x) === code) && ds.length === others, `only ${code} to go; now ${describeDiagnostics(ours(editor.document.uri))}`);
  });

  it('"Show documentation" runs Explain Rule with the code', async () => {
    const { document: doc } = await open('Dockerfile');
    const d = await waitForCode(doc.uri, 'DL3007');
    const docs = (await codeActions(doc.uri, d.range)).find((a) => a.title.startsWith('Show documentation for DL3007'));
    assert.ok(docs?.command, 'no "Show documentation" action');
    assert.equal(docs.command.command, 'devopsGuidance.explainRule');
    assert.deepEqual(docs.command.arguments, ['DL3007']);
  });

  it('source.fixAll fixes what is safely fixable (DL3020) and leaves the rest', async () => {
    const editor = await open('Dockerfile');
    const uri = editor.document.uri;
    await waitForCode(uri, 'DL3020');
    const all = await codeActions(uri, new vscode.Range(0, 0, editor.document.lineCount, 0), vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = all.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.append('devopsGuidance').contains(a.kind));
    assert.ok(fixAll?.edit, `no source.fixAll.devopsGuidance action; offered: ${titles(all)}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.equal(editor.document.lineAt(4).text, 'COPY src/ /app/src/');
    assert.equal(editor.document.lineAt(0).text, 'FROM node:latest', 'DL3007 has no safe fix: the tag must stay');
    await waitForDiagnostics(uri, (ds) => !ds.some((x) => codeOf(x) === 'DL3020') && ds.some((x) => codeOf(x) === 'DL3007'), 'DL3020 gone, DL3007 kept');
  });

  it('source.fixAll on examples/my.cnf: the two redo-log fixes that edit the same text merge, the rename applies, fixes under review are left', async () => {
    // the repository's own example (run.mjs copies examples/ and says where), put in the workspace as a user would
    const dir = process.env.DG_EXAMPLES_DIR;
    assert.ok(dir, 'run.mjs sets DG_EXAMPLES_DIR');
    const original = readFileSync(join(dir, 'my.cnf'), 'utf8');
    const redo = /^innodb_log_file_size = 4G\ninnodb_log_files_in_group = 4\n/m;
    const rename = /^log_slave_updates = yes$/m;
    assert.match(original, redo, 'examples/my.cnf changed: this test expects its redo-log pair');
    assert.match(original, rename, 'examples/my.cnf changed: this test expects log_slave_updates = yes');
    const expected = original.replace(redo, 'innodb_redo_log_capacity = 16G\n').replace(rename, 'log_replica_updates = yes');
    const uri = await writeFile('example/my.cnf', original);
    try {
      await vscode.commands.executeCommand('vscode.open', uri);
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), uri.toString());
      await api(); // running (this test may run alone)
      const deprecated = await codeOfRule('deprecated-option');
      const notRow = await codeOfRule('binlog-format-not-row');
      await waitForDiagnostics(uri, (ds) => ds.filter((d) => codeOf(d) === deprecated).length >= 3, `three ${deprecated} findings in examples/my.cnf`);
      const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
      const all = await codeActions(uri, whole, vscode.CodeActionKind.SourceFixAll.value);
      const fixAll = all.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.append('devopsGuidance').contains(a.kind));
      assert.ok(fixAll?.edit, `no source.fixAll.devopsGuidance action; offered: ${titles(all)}`);
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit), 'VS Code rejected the fix-all edit (overlapping edits?)');
      assert.equal(editor.document.getText(), expected);
      // the renamed and replaced options are no longer deprecated; binlog_format still is (no safe fix: it has no
      // successor to rename to), and binlog-format-not-row stays (its fix changes behaviour: for review only)
      await waitForDiagnostics(
        uri,
        (ds) =>
          ds.filter((d) => codeOf(d) === deprecated).map((d) => editor.document.getText(d.range)).join() === 'binlog_format' && ds.some((d) => codeOf(d) === notRow),
        `${deprecated} left only on binlog_format, ${notRow} kept`,
      );
      // nothing safely fixable is left: a second fix-all offers no edit
      const again = await codeActions(uri, new vscode.Range(0, 0, editor.document.lineCount, 0), vscode.CodeActionKind.SourceFixAll.value);
      assert.ok(!again.some((a) => a.kind && vscode.CodeActionKind.SourceFixAll.append('devopsGuidance').contains(a.kind) && a.edit?.size), `fix-all offered again: ${titles(again)}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteFile('example');
    }
  });

  it('fix-all on save fixes what was typed just before saving, after files.trimTrailingWhitespace changed the text too', async () => {
    const uri = await writeFile('onsave/Dockerfile', 'FROM debian:12.5\nUSER 10001\n');
    const editorConfig = vscode.workspace.getConfiguration('editor', uri);
    const filesConfig = vscode.workspace.getConfiguration('files', uri);
    await editorConfig.update('codeActionsOnSave', { 'source.fixAll.devopsGuidance': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    await filesConfig.update('trimTrailingWhitespace', true, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('vscode.open', uri);
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), uri.toString());
      await linted(editor.document);
      // typed and saved at once: no lint has seen this text when the save runs the fix-all
      // (a folder source: ADD would unpack a file that is a tar archive by content, so only then is COPY safe)
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'ADD app/ /usr/local/app/   \n')));
      assert.ok(await editor.document.save(), 'the save failed');
      assert.equal(editor.document.getText(), 'FROM debian:12.5\nCOPY app/ /usr/local/app/\nUSER 10001\n');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), editor.document.getText(), 'the file on disk is not the fixed text');
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      await filesConfig.update('trimTrailingWhitespace', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteFile('onsave');
    }
  });
});


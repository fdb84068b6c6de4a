/** The installed .vsix: where it runs from, what it ships, the languages it contributes. */
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { api, extension, open, ours, writeFile, deleteFile, revertAndCloseAll } from '../helpers';

describe('the installed package', function () {
  this.timeout(30000);
  afterEach(revertAndCloseAll);
  after(() => deleteFile('languages'));

  it('is the .vsix installed by run.mjs, running in the workspace (Node) extension host', () => {
    const ext = extension();
    const dir = process.env.DG_EXTENSIONS_DIR;
    assert.ok(dir, 'DG_EXTENSIONS_DIR is not set: not started by test/editor/run.mjs');
    assert.ok(ext.extensionPath.startsWith(join(dir, 'devops-guidance.devops-guidance-')), `loaded from ${ext.extensionPath}`);
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
    assert.ok(vscode.env.remoteName, 'not in the server-side extension host');
  });

  it('ships the bundles and data, and no sources, tests or node_modules', () => {
    const root = extension().extensionPath;
    for (const f of ['package.json', 'dist/extension.js', 'dist/prism-worker.js', 'dist/kb.json']) assert.ok(existsSync(join(root, f)), `${f} is missing from the .vsix`);
    const top = readdirSync(root);
    for (const f of ['src', 'test', 'out', 'node_modules', 'scripts', 'tsconfig.json', 'esbuild.mjs']) assert.ok(!top.includes(f), `the .vsix ships ${f}`);
    assert.ok(!readdirSync(join(root, 'dist')).some((f) => f.endsWith('.map')), 'the .vsix ships source maps');
  });

  it('gives option files the mycnf language, and leaves Dockerfiles and Vagrantfiles to the built-in languages', async () => {
    const cases: [string, string][] = [
      ['languages/my.ini', 'mycnf'],
      ['languages/.my.cnf', 'mycnf'],
      ['languages/conf.d/replication.cnf', 'mycnf'],
      ['languages/Containerfile', 'dockerfile'],
      ['languages/api.dockerfile', 'dockerfile'],
      ['languages/Vagrantfile', 'ruby'],
    ];
    for (const [path, languageId] of cases) {
      await writeFile(path, '');
      const { document } = await open(path);
      assert.equal(document.languageId, languageId, path);
    }
  });

  it('leaves Ruby files that are not Vagrantfiles alone', async () => {
    const uri = await writeFile('languages/tasks.rb', 'Vagrant.configure("2") do |config|\n  config.vm.box = "ubuntu/jammy64"\n  config.vm.network "public_network"\nend\n');
    const { document } = await open('languages/tasks.rb');
    assert.equal(document.languageId, 'ruby');
    const { linter } = await api();
    assert.equal(await linter.lintNow(document), undefined, 'a .rb file was linted as a Vagrantfile');
    // the same text as a Vagrantfile is linted: the test above would pass for a broken linter otherwise
    await writeFile('languages/same-text/Vagrantfile', document.getText());
    const v = await open('languages/same-text/Vagrantfile');
    assert.ok((await linter.lintNow(v.document))?.length, 'the same content as a Vagrantfile has no findings');
    assert.deepEqual(ours(uri), []);
  });
});

/** The commands: Look Up Topic, Explain Rule, Lint Workspace. */
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extension, page, tabs, ours, codeOf, rangeOf, waitFor, waitForCode, workspaceUri, revertAndCloseAll, screenshot, sleep } from '../helpers';

/** The knowledge base shipped in the installed .vsix. */
function kb(): { topics: { id: string; title: string }[] } {
  return JSON.parse(readFileSync(join(extension().extensionPath, 'dist', 'kb.json'), 'utf8'));
}

/** Waits for a rendered Markdown preview tab whose label names `file`. */
async function previewOpens(file: string): Promise<vscode.Tab> {
  const re = new RegExp(`\\b${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  return waitFor(
    () => tabs(re).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)),
    `a Markdown preview of ${file} (tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ')})`,
  );
}

describe('commands', function () {
  this.timeout(30000);
  afterEach(revertAndCloseAll);

  it('are registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of ['devopsGuidance.lookupTopic', 'devopsGuidance.explainRule', 'devopsGuidance.lintWorkspace']) assert.ok(all.has(c), `${c} is not registered`);
  });

  it('Look Up Topic with a topic id opens its rendered page', async () => {
    const t = kb().topics.find((x) => x.id === 'docker-containers');
    assert.ok(t, 'the knowledge base has no docker-containers topic');
    const result = await vscode.commands.executeCommand('devopsGuidance.lookupTopic', t.id);
    assert.equal(result, t.id);
    await previewOpens(`${t.id}.md`);
    const text = await page('topics', t.id);
    assert.equal(text.split('\n')[0], `# ${t.title}`);
    assert.ok(text.length > 1000, 'the topic page is suspiciously short');
    await screenshot('topic', { text: t.title });
  });

  it('Look Up Topic without an argument offers a quick pick; accepting opens the chosen topic', async () => {
    const ids = new Set(kb().topics.map((t) => t.id));
    const running = vscode.commands.executeCommand<string | undefined>('devopsGuidance.lookupTopic');
    let picked: string | undefined;
    let done = false;
    void running.then((v) => {
      picked = v;
      done = true;
    });
    // the quick pick has no API of its own: accept its first item once it is there
    await waitFor(async () => {
      if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await sleep(200);
      return done;
    }, 'the quick pick to accept an item');
    assert.ok(picked && ids.has(picked), `the quick pick returned ${picked}, not a topic id`);
    await previewOpens(`${picked}.md`);
  });

  it('Explain Rule by code and by name opens the rule page', async () => {
    assert.equal(await vscode.commands.executeCommand('devopsGuidance.explainRule', 'DL3007'), 'DL3007');
    await previewOpens('DL3007.md');
    assert.equal((await page('rules', 'DL3007')).split('\n')[0], '# DL3007 · image-tag-latest');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await vscode.commands.executeCommand('devopsGuidance.explainRule', 'image-tag-latest'), 'DL3007');
    await previewOpens('DL3007.md');
  });

  it('Lint Workspace lints files that are not open and reports the totals', async () => {
    const api = workspaceUri('services', 'api', 'Dockerfile');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === api.toString()), 'services/api/Dockerfile should not be open');
    const r = await vscode.commands.executeCommand<{ files: number; findings: number; errors: number }>('devopsGuidance.lintWorkspace');
    assert.ok(r, 'lintWorkspace returned nothing');
    // Dockerfile, services/api/Dockerfile, Vagrantfile, my.cnf, replica.cnf
    assert.equal(r.files, 5);
    const d = await waitForCode(api, 'DL3007');
    assert.deepEqual(rangeOf(d.range), [0, 12, 0, 18]);
    const files = ['Dockerfile', 'services/api/Dockerfile', 'Vagrantfile', 'my.cnf', 'replica.cnf'].map((p) => workspaceUri(...p.split('/')));
    const all = files.flatMap((u) => ours(u));
    assert.equal(r.findings, all.length, `totals disagree with the Problems panel: ${all.map(codeOf).join(', ')}`);
    assert.equal(r.errors, all.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length);
    assert.ok(!vscode.workspace.textDocuments.some((x) => x.uri.toString() === api.toString()), 'Lint Workspace should not open the files');
  });
});

/** The commands: Look Up Topic, Explain Rule, Lint Workspace. */
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { click, extension, page, renderedPageOpens, open, linted, waitForDiagnostics, ours, codeOf, rangeOf, waitFor, waitForCode, workspaceUri, revertAndCloseAll, screenshot, sleep, typeKeys, readScreen, log } from '../helpers';

/** The knowledge base shipped in the installed .vsix. */
function kb(): { topics: { id: string; title: string }[] } {
  return JSON.parse(readFileSync(join(extension().extensionPath, 'dist', 'kb.json'), 'utf8'));
}

/** The command and arguments of a `command:` link in a rendered page's HTML. */
function commandOf(href: string): { command: string; args: unknown[] } {
  const m = /^command:([\w.]+)\?(.*)$/.exec(href.replace(/&amp;/g, '&'));
  assert.ok(m, `not a command link: ${href}`);
  return { command: m[1], args: JSON.parse(decodeURIComponent(m[2])) as unknown[] };
}

/** The hrefs of a page's links whose text is `text`. */
function hrefsOf(html: string, text: RegExp): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].filter((m) => text.test(m[2])).map((m) => m[1]);
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
    const shown = await renderedPageOpens('topics', t.id);
    assert.match(shown.html, new RegExp(`<h1[^>]*>${t.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&amp;')}</h1>`));
    const text = await page('topics', t.id);
    assert.equal(text.split('\n')[0], `# ${t.title}`);
    assert.ok(text.length > 1000, 'the topic page is suspiciously short');
    // a heading of the body, not the title: the title is also the tab's label, which is drawn before the page is
    const heading = /^## (.+)$/m.exec(text)?.[1];
    assert.ok(heading, 'the topic page has no section heading');
    await screenshot('topic', { text: heading });
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
    await renderedPageOpens('topics', picked!);
  });

  it('Look Up Topic: what a user types is searched as the knowledge base ranks it (synonyms, title hits first), not re-sorted or hidden by the quick pick', async () => {
    const title = (id: string) => kb().topics.find((t) => t.id === id)!.title;
    const running = vscode.commands.executeCommand<string | undefined>('devopsGuidance.lookupTopic');
    try {
      // typing starts once the quick pick is drawn (keys typed before would go elsewhere)
      await waitFor(async () => (await readScreen('.quick-input-widget .quick-input-list .monaco-list-row')).length > 0 || (await sleep(200), false), 'the quick pick');
      const rowsFor = async (query: string, expected: string[]) => {
        // the quick pick's input has the focus: type as a user would, then read the rows drawn
        await typeKeys(query);
        // the rows once they stop changing (each keystroke asks the extension for new items)
        let last = '';
        const rows = await waitFor(async () => {
          const r = (await readScreen('.quick-input-widget .quick-input-list .monaco-list-row')).sort((a, b) => a.top - b.top);
          const now = JSON.stringify(r.map((x) => x.text));
          const settled = now === last && r.some((x) => x.text.includes(title(expected[0])));
          last = now;
          if (!settled) await sleep(300);
          return settled ? r : undefined;
        }, `rows for "${query}"`);
        log(`  "${query}": ${rows.map((r) => r.text.split('\n')[0]).join(' | ')}`);
        const at = expected.map((id) => rows.findIndex((r) => r.text.includes(title(id))));
        assert.ok(at.every((i) => i >= 0), `"${query}": not every expected topic is shown (${expected.join(', ')}): ${JSON.stringify(rows.map((r) => r.text))}`);
        assert.deepEqual([...at].sort((a, b) => a - b), at, `"${query}": the topics are not in the knowledge base's order ${expected.join(', ')}: ${JSON.stringify(rows.map((r) => r.text))}`);
        // the first row a user sees (after the "Topics" separator, if drawn as a row) is the best match
        const first = rows.findIndex((r) => !/^(Topics|Rules)\s*$/.test(r.text.trim()));
        assert.equal(first, at[0], `"${query}": the first row is not ${expected[0]}: ${JSON.stringify(rows.map((r) => r.text))}`);
        // grouped as the command puts them: topics, then rules (VS Code's own sorting would mix them)
        const isTopic = (r: { text: string }) => kb().topics.some((t) => r.text.includes(t.title));
        const rules = rows.map((r, i) => (/\b(DL|DKR|MYC|VGT)\d{3,4}\b/.test(r.text) && !isTopic(r) ? i : -1)).filter((i) => i >= 0);
        const topics = rows.map((r, i) => (isTopic(r) ? i : -1)).filter((i) => i >= 0);
        assert.ok(rules.length, `"${query}": no rule is offered: ${JSON.stringify(rows.map((r) => r.text))}`);
        assert.ok(Math.min(...rules) > Math.max(...topics), `"${query}": rules are mixed in with the topics: ${JSON.stringify(rows.map((r) => r.text))}`);
      };
      await rowsFor('replication lag', ['mysql-replication', 'mysql-high-availability']);
      assert.deepEqual((await readScreen('.quick-input-widget .quick-input-box input')).map((i) => i.value), ['replication lag'], 'what was typed');
      await screenshot('lookup-topic', { selector: '.quick-input-widget .quick-input-list' });
      await typeKeys('', ['Control+a', 'Backspace']);
      // a synonym: "semisync" is written "semi-sync" and "semi-synchronous" in the topics
      await rowsFor('semisync', ['mysql-replication']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await running;
    }
  });

  it('Explain Rule by code and by name opens the rule page', async () => {
    assert.equal(await vscode.commands.executeCommand('devopsGuidance.explainRule', 'DL3007'), 'DL3007');
    const shown = await renderedPageOpens('rules', 'DL3007');
    assert.match(shown.html, /<h1[^>]*>DL3007 · image-tag-latest<\/h1>/);
    assert.match(shown.html, /<h2[^>]*>Why it matters<\/h2>/);
    assert.equal((await page('rules', 'DL3007')).split('\n')[0], '# DL3007 · image-tag-latest');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await vscode.commands.executeCommand('devopsGuidance.explainRule', 'image-tag-latest'), 'DL3007');
    await renderedPageOpens('rules', 'DL3007');
  });

  it("a diagnostic's code opens the rule's rendered page through the extension's URI handler", async () => {
    const { document: doc } = await open('Dockerfile');
    const d = await waitForCode(doc.uri, 'DL3007');
    assert.ok(typeof d.code === 'object' && d.code.target, 'the diagnostic code carries no link');
    const target = d.code.target;
    assert.equal(target.scheme, vscode.env.uriScheme, `the code links to ${target.toString()}, not to the editor's own scheme`);
    assert.equal(target.authority, 'devops-guidance.devops-guidance');
    // what a click on the code in the Problems panel does: the opener service, which hands the editor's scheme to our handler
    await vscode.commands.executeCommand('vscode.open', target);
    await renderedPageOpens('rules', 'DL3007');
    await screenshot('rule-page', { text: 'Why it matters' });
  });

  it("clicking a diagnostic's code in the Problems panel opens the rule's rendered page", async () => {
    const { document: doc } = await open('Dockerfile');
    await waitForCode(doc.uri, 'DL3007');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    try {
      // the code column of the Problems panel: a link showing the code
      await click('.markers-panel .monaco-link', 'DL3007');
      await renderedPageOpens('rules', 'DL3007');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closePanel');
    }
  });

  it('a click on a rule link in a rendered topic page opens the rule page', async () => {
    await vscode.commands.executeCommand('devopsGuidance.lookupTopic', 'docker-containers');
    await renderedPageOpens('topics', 'docker-containers');
    await click('a', 'DL3007', true);
    await renderedPageOpens('rules', 'DL3007');
  });

  it('links in rendered pages move between topics and rules', async () => {
    await vscode.commands.executeCommand('devopsGuidance.lookupTopic', 'docker-containers');
    const topicPage = await renderedPageOpens('topics', 'docker-containers');
    const toRule = hrefsOf(topicPage.html, /^DL3007$/);
    assert.equal(toRule.length, 1, `the topic page has no single link to DL3007: ${toRule.join(', ')}`);
    const link = commandOf(toRule[0]);
    assert.deepEqual(link, { command: 'devopsGuidance.explainRule', args: ['DL3007'] });
    await vscode.commands.executeCommand(link.command, ...link.args);
    const rulePage = await renderedPageOpens('rules', 'DL3007');
    const back = hrefsOf(rulePage.html, /Docker/).filter((h) => h.startsWith('command:')).map(commandOf).filter((c) => c.command === 'devopsGuidance.lookupTopic');
    assert.ok(back.some((c) => c.args[0] === 'docker-containers'), `the rule page does not link back to the topic: ${JSON.stringify(back)}`);
    await vscode.commands.executeCommand(back[0].command, ...back[0].args);
    await renderedPageOpens('topics', String(back[0].args[0]));
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

  it('Lint Workspace gives a closed file the findings opening it gives; disabling its kind clears them', async () => {
    const apiUri = workspaceUri('services', 'api', 'Dockerfile');
    await vscode.commands.executeCommand('devopsGuidance.lintWorkspace');
    const key = (d: vscode.Diagnostic) => `${codeOf(d)} ${rangeOf(d.range).join(',')} ${d.severity} ${d.message}`;
    const closed = (await waitForCode(apiUri, 'DL3007'), ours(apiUri).map(key).sort());
    await vscode.commands.executeCommand('vscode.open', apiUri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === apiUri.toString())!;
    await linted(doc);
    assert.deepEqual(ours(apiUri).map(key).sort(), closed, 'Lint Workspace and opening the file disagree');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const config = vscode.workspace.getConfiguration('devopsGuidance');
    await config.update('enable.dockerfile', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(apiUri, (ds) => ds.length === 0, 'the closed Dockerfile\'s findings to be cleared when Dockerfiles are disabled');
    } finally {
      await config.update('enable.dockerfile', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForCode(apiUri, 'DL3007');
  });
});

/** Hovers: reference text on an instruction, an option and a Vagrant setting; why and fix on a finding. */
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { renderedPageOpens, open, codeOfRule, hoversAt, hoverText, rangeOf, waitForCode, waitForDiagnostics, whyAndFix, revertAndCloseAll, screenshot, writeFile, deleteFile, codeOf, ours, describeDiagnostics } from '../helpers';

/** The one hover our provider contributes at a position (other providers may add theirs). */
async function ourHover(uri: vscode.Uri, pos: vscode.Position, mustMention: RegExp): Promise<{ text: string; range?: vscode.Range }> {
  const hovers = await hoversAt(uri, pos);
  const mine = hovers.filter((h) => mustMention.test(hoverText([h])));
  assert.ok(mine.length, `no hover mentioning ${mustMention} at ${pos.line}:${pos.character}; hovers: ${hoverText(hovers).slice(0, 300) || '(none)'}`);
  return { text: hoverText(mine), range: mine[0].range };
}

describe('hover', function () {
  this.timeout(30000);
  afterEach(revertAndCloseAll);

  it('Dockerfile: reference text on an instruction (WORKDIR)', async () => {
    const { document: doc } = await open('Dockerfile');
    const { text, range } = await ourHover(doc.uri, new vscode.Position(1, 3), /WORKDIR/);
    assert.ok(text.length > 60, `WORKDIR hover too thin: ${text}`);
    assert.ok(range, 'the hover should carry the range of the instruction keyword');
    assert.deepEqual(rangeOf(range), [1, 0, 1, 7]);
  });

  it('my.cnf: reference text on an option (innodb_buffer_pool_size)', async () => {
    const { document: doc } = await open('my.cnf');
    const { text, range } = await ourHover(doc.uri, new vscode.Position(7, 5), /innodb_buffer_pool_size/);
    assert.ok(text.length > 60, `option hover too thin: ${text}`);
    assert.ok(range, 'the hover should carry the range of the option name');
    assert.deepEqual(rangeOf(range), [7, 0, 7, 23]);
  });

  it('Vagrantfile: reference text on a setting (config.vm.box)', async () => {
    const { document: doc } = await open('Vagrantfile');
    const { text, range } = await ourHover(doc.uri, new vscode.Position(2, 13), /\bbox\b/);
    assert.ok(text.length > 60, `setting hover too thin: ${text}`);
    assert.ok(range && range.contains(new vscode.Position(2, 13)) && range.start.line === 2, `hover range ${range && rangeOf(range)} does not cover box`);
    assert.equal(doc.getText(range).replace(/^config\.vm\./, ''), 'box');
  });

  for (const { kind, file, rule, pos } of [
    { kind: 'Dockerfile', file: 'Dockerfile', rule: 'image-tag-latest', pos: new vscode.Position(0, 12) },
    { kind: 'Vagrantfile', file: 'Vagrantfile', rule: 'box-version-unpinned', pos: new vscode.Position(2, 24) },
    { kind: 'my.cnf', file: 'my.cnf', rule: 'binlog-format-not-row', pos: new vscode.Position(4, 19) },
  ]) {
    it(`${kind}: on a finding (${rule}), short: the message, a one-line fix and links to the rendered pages`, async function () {
      const { document: doc } = await open(file);
      const code = await codeOfRule(rule);
      const d = await waitForCode(doc.uri, code);
      assert.ok(d.range.contains(pos), `test position is not on the ${code} finding`);
      const { why, fix } = await whyAndFix(code);
      const { text, range } = await ourHover(doc.uri, pos, new RegExp(`\\b${code}\\b`));
      assert.ok(text.includes(`**${code} ${rule}**`), `hover lacks the rule's title: ${text.slice(0, 200)}`);
      const fixLine = /\*\*Fix:\*\* (.+)/.exec(text)?.[1];
      assert.ok(fixLine, `hover has no fix line:\n${text}`);
      assert.ok(fix.replace(/\s+/g, ' ').startsWith(fixLine.replace(/…$/, '')), `the hover's fix is not the start of the rule's fix:\n${fixLine}\n--- rule:\n${fix}`);
      assert.ok(!text.includes(why.split('\n')[0]), `the hover repeats the rule's why (it belongs on the page):\n${text}`);
      // the message is VS Code's own part of the hover (the diagnostic), right above ours: not repeated
      assert.ok(!text.includes(firstSentence(d.message)), `the hover repeats the finding's message "${d.message}":\n${text}`);
      const explain = `command:devopsGuidance.explainRule?${encodeURIComponent(JSON.stringify([code]))}`;
      assert.ok(text.includes(`](${explain}`), `hover lacks a command link to the rule page:\n${text}`);
      const ours_ = hovers_(text, code);
      assert.ok(ours_.length < 700, `the finding hover is long (${ours_.length} characters):\n${ours_}`);

      assert.ok(range && range.contains(d.range), 'the hover range should cover the finding');
      if (file === 'Dockerfile') {
        const editor = vscode.window.activeTextEditor!;
        editor.selection = new vscode.Selection(pos, pos);
        await vscode.commands.executeCommand('editor.action.showHover');
        await screenshot('hover', { selector: '.monaco-hover', text: `${code} ${rule}` });
      }
      await vscode.commands.executeCommand('devopsGuidance.explainRule', code);
      await renderedPageOpens('rules', code);
    });
  }
});

describe('ShellCheck in the editor', function () {
  this.timeout(30000);
  afterEach(revertAndCloseAll);

  it("a RUN script's ShellCheck finding links to ShellCheck's page for its code, and follows the text while typing", async () => {
    // the suite's workspace is trusted (workspace trust is off) and ShellCheck is installed: its findings must come
    const uri = await writeFile('sc/Dockerfile', 'FROM debian:12.5\nRUN a=1 && echo "$1"\nUSER nobody\n');
    try {
      await vscode.commands.executeCommand('vscode.open', uri);
      const editor = vscode.window.activeTextEditor!;
      const sc = (end: number) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'SC2034' && d.range.start.line === 1 && d.range.start.character === 4 && d.range.end.character === end);
      const ds = await waitForDiagnostics(uri, sc(5), 'SC2034 on "a"');
      const d = ds.find((x) => codeOf(x) === 'SC2034')!;
      assert.deepEqual(rangeOf(d.range), [1, 4, 1, 5]);
      const target = (d.code as { target: vscode.Uri }).target.toString();
      assert.equal(target, 'https://www.shellcheck.net/wiki/SC2034', "the code links to ShellCheck's page for it");
      const { text } = await ourHover(uri, new vscode.Position(1, 4), /SC2034/);
      assert.ok(text.includes('](https://www.shellcheck.net/wiki/SC2034)'), `the hover links to ShellCheck's page:\n${text}`);
      // typing twice quickly: the run for the text in between is stopped, the last text gets its own findings
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(1, 4, 1, 7), 'bb=1')));
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(1, 4, 1, 8), 'ccc=1')));
      await waitForDiagnostics(uri, sc(7), 'SC2034 on "ccc"');
      const after = ours(uri).filter((x) => codeOf(x) === 'SC2034');
      assert.equal(after.length, 1, describeDiagnostics(ours(uri)));
      assert.deepEqual(rangeOf(after[0].range), [1, 4, 1, 7], 'SC2034 covers "ccc", the text as it is now');
      assert.match(after[0].message, /ccc/);
    } finally {
      await revertAndCloseAll();
      await deleteFile('sc');
    }
  });
});

/** The part of a joined hover text that is the finding hover of `code`. */
function hovers_(text: string, code: string): string {
  return text.split('\n---\n').find((p) => p.startsWith(`**${code} `)) ?? text;
}

/** The first sentence of a message (what the finding hover repeats; the Problems panel has the whole message). */
function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(?=\s+[A-Z`(*_]|$)/.exec(s.replace(/\s*\n\s*/g, ' '));
  return m ? m[1] : s;
}

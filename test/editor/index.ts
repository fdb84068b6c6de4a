/**
 * The editor suite's entry point, loaded by VS Code's extension host as `extensionTestsPath` (the same contract as
 * @vscode/test-electron: a module exporting `run(): Promise<void>`). It runs every built `suite/*.test.js` with mocha
 * and prints one machine-readable result line that test/editor/run.mjs turns into $RESULT_FILE.
 *
 * Passes: a workspace folder named `activation-<kind>` runs only suite/activation.test.js (a cold extension host per
 * kind); any other folder runs every other suite file.
 *
 * Environment (passed through code-server to its extension host by run.mjs):
 *   DG_EDITOR_GREP   only tests whose full title matches
 */
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './log';

/** The line run.mjs looks for; everything else printed is the human-readable report. */
export const RESULT_MARKER = 'DG_EDITOR_RESULT ';

const ORDER = ['package.test.js', 'diagnostics.test.js', 'hover.test.js', 'codeActions.test.js', 'settings.test.js', 'snippets.test.js', 'commands.test.js'];

export function run(): Promise<void> {
  // mocha's reporters print with format strings (%s), which the extension host's console does not apply: log() does.
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 15000,
    slow: 2000,
    grep: process.env.DG_EDITOR_GREP || undefined,
  });
  const dir = join(__dirname, 'suite');
  const activationPass = /^activation-/.test(vscode.workspace.workspaceFolders?.[0]?.name ?? '');
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.js') && (f === 'activation.test.js') === activationPass);
  // Lint Workspace (in commands) leaves findings on files that are not open, on purpose: it runs last so the
  // screenshots taken by the earlier suites show the open file's problems only.
  const rank = (f: string) => (ORDER.indexOf(f) + 1 || ORDER.length + 1) * 1000 + files.indexOf(f);
  for (const f of files.sort().sort((a, b) => rank(a) - rank(b))) mocha.addFile(join(dir, f));

  return new Promise((resolve, reject) => {
    const failed: { title: string; error: string }[] = [];
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const s = runner.stats ?? ({} as Mocha.Stats);
        const result = { passes: s.passes ?? 0, failures: s.failures ?? 0, pending: s.pending ?? 0, failed };
        log(RESULT_MARKER + JSON.stringify(result));
        if (failures) reject(new Error(`${failures} editor test${failures === 1 ? '' : 's'} failed`));
        else resolve();
      });
    } catch (e) {
      // a suite file that throws while loading
      log(RESULT_MARKER + JSON.stringify({ passes: 0, failures: 1, pending: 0, failed: [{ title: 'loading the suite', error: String((e as Error)?.stack ?? e) }] }));
      reject(e);
      return;
    }
    runner.on('fail', (test, err: Error) => failed.push({ title: test.fullTitle(), error: String(err?.message ?? err) }));
  });
}

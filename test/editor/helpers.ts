/** Shared by the editor suite files (bundled into each): documents, diagnostics, waiting, cleanup, screenshots. */
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './log';

export const EXTENSION_ID = 'devops-guidance.devops-guidance';
export const SOURCE = 'devops-guidance';
export { log };

/** The extension under test: the packaged .vsix that run.mjs installed (never a development copy). */
export function extension(): vscode.Extension<{ activationMs?: number }> {
  const ext = vscode.extensions.getExtension<{ activationMs?: number }>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

export function workspaceUri(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

export async function open(path: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...path.split('/')));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await linted(doc);
  return editor;
}

/**
 * Waits until the extension has linted this version of the document (its exported linter records the version of
 * each result). A document reopened right after a revert can still show the diagnostics of its edited state for a
 * debounce period; tests that count diagnostics must not start from those.
 */
export async function linted(doc: vscode.TextDocument, timeoutMs = 15000): Promise<void> {
  const ours = doc.languageId === 'dockerfile' || doc.languageId === 'mycnf' || /(^|\/)([^/]*\.)?Vagrantfile$/.test(doc.uri.path);
  if (!ours) return;
  const ext = vscode.extensions.getExtension<{ linter?: { outcomes: Map<string, { version: number }> } }>(EXTENSION_ID);
  if (!ext) return;
  if (!ext.isActive) await ext.activate();
  const outcomes = ext.exports?.linter?.outcomes;
  if (!outcomes) return;
  await waitFor(() => outcomes.get(doc.uri.toString())?.version === doc.version, `the extension to lint ${doc.uri.path} (version ${doc.version})`, timeoutMs);
}

/** Sleeps; only for giving the UI a moment before a screenshot, never to wait for a result. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Our diagnostics on a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code ?? '');
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return '(none)';
  return ds.map((d) => `${codeOf(d)} ${fmtRange(d.range)} ${vscode.DiagnosticSeverity[d.severity]} "${d.message}"`).join('; ');
}

export function fmtRange(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Resolves with our diagnostics on `uri` once `until` holds for them (checked now, then on every change of that
 * document's diagnostics); rejects after `timeoutMs` naming what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  until: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 15000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = ours(uri);
      if (!until(ds)) return false;
      done();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; diagnostics: ${describeDiagnostics(ours(uri))}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

/** Waits until a diagnostic with this code (or rule name: see byRule) is on the document, and returns it. */
export async function waitForCode(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic> {
  const ds = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === code), `a ${code} diagnostic`, timeoutMs);
  return ds.find((d) => codeOf(d) === code)!;
}

/** Polls a condition that has no event (editors opening, webviews); rejects after timeoutMs. */
export async function waitFor<T>(get: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 15000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Reverts every changed document and closes every editor: each test starts from the files on disk. */
export async function revertAndCloseAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed)) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('notifications.clearAll');
}

/** [startLine, startCharacter, endLine, endCharacter], for deepEqual. */
export function rangeOf(r: vscode.Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

/**
 * Asks run.mjs for a screenshot of the whole workbench while this test still holds the editor in the state to show
 * (the extension host stops before the run ends, so screenshots cannot be taken afterwards). run.mjs first waits
 * until `selector` (workbench DOM) and/or `text` (any frame, webviews included) is visible. Waits until the file
 * exists. Without DG_SCREENSHOT_DIR (run.mjs without --screenshots) it does nothing.
 */
export async function screenshot(name: string, waitFor_: { selector?: string; text?: string } = {}, timeoutMs = 25000): Promise<void> {
  const dir = process.env.DG_SCREENSHOT_DIR;
  if (!dir) return;
  const file = join(dir, `${name}.png`);
  log(`DG_SCREENSHOT ${name} ${JSON.stringify(waitFor_)}`);
  await waitFor(() => existsSync(file), `screenshot ${name}`, timeoutMs).catch((e) => log(`warning: ${(e as Error).message}`));
}

let clicks = 0;
/**
 * Clicks an element of the workbench with the mouse (run.mjs does it through the browser: the extension host has no
 * DOM): the first visible match of `selector`, containing `text` if given. Fails when nothing could be clicked.
 */
export async function click(selector: string, text?: string, inFrames = false): Promise<void> {
  const dir = process.env.DG_CLICK_DIR;
  assert.ok(dir, 'DG_CLICK_DIR is not set: run the editor suite with test/editor/run.mjs');
  const id = `click-${++clicks}-${Date.now()}`;
  log(`DG_CLICK ${id} ${JSON.stringify({ selector, text, inFrames })}`);
  await waitFor(() => existsSync(join(dir, `${id}.done`)) || existsSync(join(dir, `${id}.failed`)), `the click on ${selector} ${text ?? ''}`, 30000);
  const failed = join(dir, `${id}.failed`);
  assert.ok(!existsSync(failed), `could not click ${selector} ${text ?? ''}: ${existsSync(failed) ? readFileSync(failed, 'utf8') : ''}`);
}

/** Types on the keyboard in the workbench, as a user would (run.mjs does it through the browser), then presses `press`. */
export async function typeKeys(text: string, press: string[] = []): Promise<void> {
  const dir = process.env.DG_CLICK_DIR;
  assert.ok(dir, 'DG_CLICK_DIR is not set: run the editor suite with test/editor/run.mjs');
  const id = `keys-${++clicks}-${Date.now()}`;
  log(`DG_KEYS ${id} ${JSON.stringify({ text, press })}`);
  await waitFor(() => existsSync(join(dir, `${id}.done`)) || existsSync(join(dir, `${id}.failed`)), `typing ${text}`, 30000);
  const failed = join(dir, `${id}.failed`);
  assert.ok(!existsSync(failed), `could not type ${text}: ${existsSync(failed) ? readFileSync(failed, 'utf8') : ''}`);
}

/**
 * What the workbench shows: the text, an input's value, the aria-label and the position from the top of every visible element matching
 * `selector`, in document order (run.mjs reads the page).
 */
export async function readScreen(selector: string): Promise<{ text: string; value: string; aria: string; top: number }[]> {
  const dir = process.env.DG_CLICK_DIR;
  assert.ok(dir, 'DG_CLICK_DIR is not set: run the editor suite with test/editor/run.mjs');
  const id = `read-${++clicks}-${Date.now()}`;
  log(`DG_READ ${id} ${JSON.stringify({ selector })}`);
  await waitFor(() => existsSync(join(dir, `${id}.json`)) || existsSync(join(dir, `${id}.failed`)), `reading ${selector}`, 30000);
  const failed = join(dir, `${id}.failed`);
  assert.ok(!existsSync(failed), `could not read ${selector}: ${existsSync(failed) ? readFileSync(failed, 'utf8') : ''}`);
  return JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'));
}

/** Markdown of a hover's contents, joined. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n---\n');
}

/** The page the extension renders for a rule or topic (its own content provider), as text. */
export async function page(kind: 'rules' | 'topics', id: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'devops-guidance', path: `/${kind}/${id}.md` }));
  return doc.getText();
}

/** A rule's code, looked up by its name through the extension's own rule page (`# CODE · name`). */
export async function codeOfRule(name: string): Promise<string> {
  const first = (await page('rules', name)).split('\n')[0];
  const m = /^# (\S+) · (\S+)$/.exec(first);
  assert.ok(m && m[2] === name, `the installed extension has no rule named ${name} (its page starts: ${first})`);
  return m[1];
}

/** The "Why it matters" and "How to fix" sections of a rule's page (what a hover on a finding must show). */
export async function whyAndFix(code: string): Promise<{ why: string; fix: string }> {
  const text = await page('rules', code);
  const section = (title: string) => {
    const m = new RegExp(`\\n## ${title}\\n\\n([\\s\\S]*?)\\n\\n## `).exec(text);
    assert.ok(m, `the page of ${code} has no "${title}" section:\n${text.slice(0, 400)}`);
    return m[1].trim();
  };
  return { why: section('Why it matters'), fix: section('How to fix') };
}

/** Code actions VS Code offers at a range (every provider, as the light bulb would list them). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return (all ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

export async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
}

/** Tabs whose label matches, across all groups (previews are webviews, so tabs are the way to see them). */
export function tabs(label: RegExp): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => label.test(t.label));
}

/** Creates (or overwrites) a file in the workspace copy; returns its URI. */
export async function writeFile(path: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(...path.split('/'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function deleteFile(path: string): Promise<void> {
  await vscode.workspace.fs.delete(workspaceUri(...path.split('/')), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

/** What the extension's page panel shows: which page, and the HTML VS Code's Markdown renderer made of it. */
export interface RenderedPage {
  kind: 'rules' | 'topics';
  id: string;
  title: string;
  html: string;
}

/** Waits until the extension's page panel is a visible tab and shows `kind`/`id`, rendered (HTML, not Markdown source). */
export async function renderedPageOpens(kind: 'rules' | 'topics', id: string): Promise<RenderedPage> {
  const a = await api();
  const p = await waitFor(() => {
    const cur = a.page();
    return cur && cur.kind === kind && cur.id === id ? cur : undefined;
  }, `the rendered page of ${kind}/${id} (shown: ${JSON.stringify(a.page()?.id)})`);
  await waitFor(
    () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /devopsGuidance\.page/.test(t.input.viewType) && t.label === p.title),
    `a page tab labelled ${p.title} (tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ')})`,
  );
  assert.match(p.html, /<h1[^>]*>/, 'the page is not rendered HTML');
  assert.doesNotMatch(p.html, /^# /m, 'the page shows Markdown source');
  return p;
}

/** The extension's exported API (activate()'s return value). */
export async function api(): Promise<{ activationMs: number; page(): RenderedPage | undefined; linter: { settingsProblems: string[]; timings: Map<string, { version: number; wallMs: number; cpuMs: number; lintCpuMs: number; editedAt?: number; firedAt?: number; startedAt: number; lintStartedAt: number; publishedAt: number; convertCpuMs: number; setCpuMs: number }>; lintNow(doc: vscode.TextDocument): Promise<{ code: string; name: string; severity: string; message: string; range: { start: { line: number; character: number } } }[] | undefined> } }> {
  const ext = extension();
  return (await ext.activate()) as never;
}

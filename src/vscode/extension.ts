/** The VS Code adapter: the only code that imports 'vscode'. It wires the engine to diagnostics, hovers, code actions and commands. */
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { installNodeAssets, clearConfigCache } from '../node/host';
import { completionsAt, firstSentence, type CompletionInfo } from '../core/index';
import { configFor, nodeEnv } from '../node/host';
import { Linter, documentKind } from './linter';
import { adoptOptionFile, TargetStatus } from './mycnf';
import { HoverProvider } from './hover';
import { CodeActionProvider } from './codeActions';
import { PagesProvider, PageUriHandler, pagesPanel } from './pages';
import { DOC_SCHEME, toRange, fromRange } from './convert';
import { explainRule, lintWorkspace, lookupTopic } from './commands';
import { readSettings, SECTION } from './settings';
import { SymbolProvider } from './symbols';

const SELECTOR: vscode.DocumentSelector = [
  { language: 'dockerfile' },
  { language: 'mycnf' },
  { language: 'ruby', pattern: '**/{Vagrantfile,*.Vagrantfile}' },
];

export interface ExtensionApi {
  /** Milliseconds spent in activate(). */
  activationMs: number;
  linter: Linter;
  /** The rendered rule/topic page shown now, if any (kind, id, title, html). */
  page(): { kind: 'rules' | 'topics'; id: string; title: string; html: string } | undefined;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const t0 = performance.now();
  installNodeAssets(context.asAbsolutePath('dist'));
  const log = vscode.window.createOutputChannel('DevOps Guidance');
  const linter = new Linter(log);
  context.subscriptions.push(log, linter);

  const targetStatus = new TargetStatus();
  context.subscriptions.push(targetStatus);
  const lintIfOurs = (doc: vscode.TextDocument, delay?: number) => {
    adoptOptionFile(doc);
    if (documentKind(doc)) linter.schedule(doc, delay);
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => lintIfOurs(d, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && documentKind(e.document)) linter.edited(e.document);
      if (e.contentChanges.length && readSettings(e.document.uri).run === 'onType') lintIfOurs(e.document);
      if (e.document === vscode.window.activeTextEditor?.document) targetStatus.update(500);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => targetStatus.update()),
    vscode.workspace.onDidSaveTextDocument((d) => lintIfOurs(d, 0)),
    vscode.workspace.onDidCloseTextDocument((d) => linter.clear(d)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) {
        relintAll();
        targetStatus.update();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => relintAll()),
  );
  const watcher = vscode.workspace.createFileSystemWatcher('**/{.devops-guidance.yaml,.devops-guidance.yml,.hadolint.yaml,.hadolint.yml}');
  const onConfigFile = () => {
    clearConfigCache();
    relintAll();
    targetStatus.update();
  };
  watcher.onDidChange(onConfigFile);
  watcher.onDidCreate(onConfigFile);
  watcher.onDidDelete((uri) => {
    linter.forgetConfigFile(uri);
    onConfigFile();
  });
  context.subscriptions.push(watcher);
  // A file watcher can miss a delete that follows a create closely: config problems of files gone are swept too.
  const sweep = setInterval(() => linter.sweepDeletedConfigFiles(), 1500);
  context.subscriptions.push({ dispose: () => clearInterval(sweep) });

  function relintAll(): void {
    for (const d of vscode.workspace.textDocuments) lintIfOurs(d, 0);
    // files found by Lint Workspace and not open: the same settings apply to them (a disabled kind clears them)
    void linter.relintWorkspaceFiles();
  }

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOC_SCHEME, new PagesProvider()),
    pagesPanel,
    vscode.window.registerUriHandler(new PageUriHandler(pagesPanel)),
    vscode.languages.registerHoverProvider(SELECTOR, new HoverProvider(linter)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CodeActionProvider(linter), { providedCodeActionKinds: CodeActionProvider.kinds }),
    vscode.languages.registerDocumentSymbolProvider(
      [{ language: 'mycnf' }, { language: 'ruby', pattern: '**/{Vagrantfile,*.Vagrantfile}' }],
      new SymbolProvider(linter),
      { label: 'DevOps Guidance' },
    ),
    vscode.languages.registerCompletionItemProvider(
      { language: 'mycnf' },
      { provideCompletionItems: async (doc, pos) => [...(await completions(doc, pos, linter)), ...wholeFileSnippets(context, doc, pos)] },
      '-',
      '_',
      '=',
    ),
    vscode.commands.registerCommand('devopsGuidance.lookupTopic', (id?: unknown) => lookupTopic(id)),
    vscode.commands.registerCommand('devopsGuidance.explainRule', (code?: unknown) => explainRule(code)),
    vscode.commands.registerCommand('devopsGuidance.lintWorkspace', () => lintWorkspace(linter)),
  );

  relintAll();
  targetStatus.update(0);
  const activationMs = performance.now() - t0;
  log.appendLine(`DevOps Guidance activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, linter, page: () => pagesPanel.current };
}

async function completions(doc: vscode.TextDocument, pos: vscode.Position, linter: Linter): Promise<vscode.CompletionItem[]> {
  const kind = documentKind(doc);
  if (!kind) return [];
  try {
    await linter.ensureReady(kind);
    const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
    const { config } = configFor(file, kind, { settings: readSettings(doc.uri).config, stopAt: vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath });
    return completionsAt(doc.getText(), kind, fromRange(new vscode.Range(pos, pos)).start, config, nodeEnv(file)).map(toCompletionItem);
  } catch {
    return [];
  }
}

const ITEM_KIND: Record<CompletionInfo['kind'], vscode.CompletionItemKind> = {
  option: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  keyword: vscode.CompletionItemKind.Keyword,
  snippet: vscode.CompletionItemKind.Snippet,
};

function toCompletionItem(c: CompletionInfo): vscode.CompletionItem {
  // an option shows its one-line summary beside its name; its type and default are the detail
  const summary = c.kind === 'option' && c.documentation ? firstSentence(c.documentation.split('\n\n')[0], 90) : undefined;
  const item = new vscode.CompletionItem(summary ? { label: c.label, description: summary } : c.label, ITEM_KIND[c.kind]);
  item.detail = c.detail;
  if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
  if (c.insertText) item.insertText = c.insertText;
  if (c.range) item.range = toRange(c.range);
  return item;
}

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}
let optionFileSnippets: [string, SnippetEntry][] | undefined;

/**
 * The whole-file option-file snippets (snippets/mycnf.json), offered only where a file or a group can start: at a
 * bare word on its own line, never after `=` in an option line, nor in a comment, a group header or a directive.
 * (A snippet contribution would be offered everywhere a word is typed.)
 */
function wholeFileSnippets(context: vscode.ExtensionContext, doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
  const before = doc.lineAt(pos.line).text.slice(0, pos.character);
  if (!/^\s*[\w-]*$/.test(before)) return [];
  try {
    optionFileSnippets ??= Object.entries(JSON.parse(readFileSync(context.asAbsolutePath('snippets/mycnf.json'), 'utf8')) as Record<string, SnippetEntry>);
  } catch {
    return [];
  }
  const word = doc.getWordRangeAtPosition(pos, /[\w-]+/) ?? new vscode.Range(pos, pos);
  return optionFileSnippets.flatMap(([name, s]) =>
    (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).map((prefix) => {
      const item = new vscode.CompletionItem(prefix, vscode.CompletionItemKind.Snippet);
      item.detail = name;
      if (s.description) item.documentation = s.description;
      item.insertText = new vscode.SnippetString(Array.isArray(s.body) ? s.body.join('\n') : s.body);
      item.range = new vscode.Range(word.start, pos);
      return item;
    }),
  );
}

export function deactivate(): void {}

/** The VS Code adapter: the only code that imports 'vscode'. It wires the engine to diagnostics, hovers, code actions and commands. */
import * as vscode from 'vscode';
import { installNodeAssets, clearConfigCache } from '../node/host';
import { completionsAt, type CompletionInfo } from '../core/index';
import { configFor, nodeEnv } from '../node/host';
import { Linter, documentKind } from './linter';
import { adoptOptionFile, TargetStatus } from './mycnf';
import { HoverProvider } from './hover';
import { CodeActionProvider } from './codeActions';
import { PagesProvider } from './pages';
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
  watcher.onDidDelete(onConfigFile);
  context.subscriptions.push(watcher);

  function relintAll(): void {
    for (const d of vscode.workspace.textDocuments) lintIfOurs(d, 0);
  }

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOC_SCHEME, new PagesProvider()),
    vscode.languages.registerHoverProvider(SELECTOR, new HoverProvider(linter)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CodeActionProvider(linter), { providedCodeActionKinds: CodeActionProvider.kinds }),
    vscode.languages.registerDocumentSymbolProvider(
      [{ language: 'mycnf' }, { language: 'ruby', pattern: '**/{Vagrantfile,*.Vagrantfile}' }],
      new SymbolProvider(linter),
      { label: 'DevOps Guidance' },
    ),
    vscode.languages.registerCompletionItemProvider({ language: 'mycnf' }, { provideCompletionItems: (doc, pos) => completions(doc, pos, linter) }, '-', '_', '='),
    vscode.commands.registerCommand('devopsGuidance.lookupTopic', (id?: unknown) => lookupTopic(id)),
    vscode.commands.registerCommand('devopsGuidance.explainRule', (code?: unknown) => explainRule(code)),
    vscode.commands.registerCommand('devopsGuidance.lintWorkspace', () => lintWorkspace(linter)),
  );

  relintAll();
  targetStatus.update(0);
  const activationMs = performance.now() - t0;
  log.appendLine(`DevOps Guidance activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, linter };
}

async function completions(doc: vscode.TextDocument, pos: vscode.Position, linter: Linter): Promise<vscode.CompletionItem[]> {
  const kind = documentKind(doc);
  if (!kind) return [];
  try {
    await linter.ensureReady(kind);
    const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
    const { config } = configFor(file, kind, { settings: readSettings(doc.uri).config });
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
  const item = new vscode.CompletionItem(c.label, ITEM_KIND[c.kind]);
  item.detail = c.detail;
  if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
  if (c.insertText) item.insertText = c.insertText;
  if (c.range) item.range = toRange(c.range);
  return item;
}

export function deactivate(): void {}

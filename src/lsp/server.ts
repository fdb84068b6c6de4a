/**
 * The language server (LSP 3.17 over stdio): `devops-guidance lsp --stdio`. A thin adapter, like src/vscode and
 * src/cli, over the engine's editor-neutral services: lint (diagnostics with codes and links), hover, completion,
 * code actions (each fix, fix all of a code, source.fixAll, ignore on this line / in this file) and ShellCheck on
 * RUN scripts when the user gave an absolute path to it.
 *
 * Never throws into the client: every handler answers something empty when the engine fails.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import {
  createConnection,
  TextDocuments,
  TextDocumentSyncKind,
  DiagnosticSeverity,
  DiagnosticTag,
  CodeActionKind,
  CompletionItemKind,
  MarkupKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Connection,
  type Diagnostic,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  compareFindings,
  completionsAt,
  containsPosition,
  fixAll,
  hoverAt,
  ignoreEdit,
  kindOf,
  lint,
  ready,
  ruleDoc,
  ruleHoverMarkdown,
  type CompletionInfo,
  type ConfigError,
  type Finding,
  type Kind,
  type Range,
  type ResolvedConfig,
  type Severity,
  type TextEdit,
} from '../core/index';
import { configFor, nodeEnv } from '../node/host';
import { shellcheckDockerfile } from '../node/shellcheck';
import { readServerSettings, type ServerSettings } from './settings';
import { documentSymbols } from './symbols';

export const SOURCE = 'devops-guidance';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.devops-guidance`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const ITEM_KIND: Record<CompletionInfo['kind'], CompletionItemKind> = {
  option: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
};

/** Editor language ids that say which kind a document is; any other id leaves it to the file name. */
const LANGUAGE_IDS = new Set(['dockerfile', 'mycnf', 'ruby']);

export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The innermost workspace folder holding `file`, matched by whole path segments: /work/a holds /work/a/Dockerfile,
 * not /work/ab/Dockerfile (a plain string prefix would say it does).
 */
export function workspaceFolderOf(file: string, roots: readonly string[]): string | undefined {
  const holds = (root: string) => {
    const rel = relative(root, file);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  };
  return roots.filter(holds).sort((a, b) => b.length - a.length)[0];
}

export function documentKind(doc: { uri: string; languageId: string }): Kind | undefined {
  const path = filePath(doc.uri) ?? decodeURIComponent(doc.uri.replace(/^[a-z]+:/i, ''));
  return kindOf(path, LANGUAGE_IDS.has(doc.languageId) ? doc.languageId : undefined);
}

/** A link to the rule's primary reference, for the client to show beside the code. */
export function ruleLink(code: string): string | undefined {
  try {
    return ruleDoc(code)?.references[0]?.url;
  } catch {
    return undefined;
  }
}

/** `docUri` is the linted document: where related locations without a file are (also for a finding in an included file). */
export function toDiagnostic(f: Finding, docUri: string): Diagnostic {
  const d: Diagnostic = { range: f.range, severity: SEVERITY[f.severity], code: f.code, source: SOURCE, message: f.message };
  const href = ruleLink(f.code);
  if (href) d.codeDescription = { href };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: r.file ? pathToFileURL(r.file).href : docUri, range: r.range }, message: r.message }));
  }
  if (/deprecated|removed/.test(f.name)) d.tags = [DiagnosticTag.Deprecated];
  d.data = { name: f.name, fixable: !!f.fixes?.length };
  return d;
}

interface Outcome {
  version: number;
  kind: Kind;
  findings: Finding[];
  config: ResolvedConfig;
}

export interface ServerOptions {
  /** Streams instead of the process's stdin/stdout (tests). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

export function startServer(options: ServerOptions = {}): Connection {
  const connection = createConnection(options.input ?? process.stdin, options.output ?? process.stdout);
  const documents = new TextDocuments(TextDocument);
  const outcomes = new Map<string, Outcome>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Other files (option-file includes) a document put diagnostics on, so they are cleared with it. */
  const spill = new Map<string, Set<string>>();
  /** Config files (.devops-guidance.yaml, .hadolint.yaml) with problems currently shown. */
  const configProblems = new Set<string>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  let hasConfigurationCapability = false;
  let globalSettings: ServerSettings = readServerSettings(undefined);
  let workspaceRoots: string[] = [];
  let canWatchFiles = false;
  let canRegisterConfig = false;

  const log = (msg: string) => {
    try {
      connection.console.log(msg);
    } catch {
      // the client is gone
    }
  };

  function settingsFor(uri: string): Promise<ServerSettings> {
    if (!hasConfigurationCapability) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'devopsGuidance' })
        .then((raw) => (raw == null ? globalSettings : readServerSettings(raw)))
        .catch(() => globalSettings);
      settingsCache.set(uri, s);
    }
    return s;
  }

  function stopAt(file: string): string | undefined {
    // configuration is looked up no higher than the workspace folder holding the file (like the extension), else to
    // the top of the file's repository (configFor's default)
    return workspaceFolderOf(file, workspaceRoots);
  }

  async function resolveConfig(doc: TextDocument, kind: Kind): Promise<{ config: ResolvedConfig; settings: ServerSettings; file?: string }> {
    const settings = await settingsFor(doc.uri);
    const file = filePath(doc.uri);
    const { config, errors, sources } = configFor(file, kind, { settings: settings.config, stopAt: file ? stopAt(file) : undefined });
    reportConfigErrors(sources, errors);
    return { config, settings, file };
  }

  function reportConfigErrors(sources: string[], errors: ConfigError[]): void {
    for (const s of sources) {
      const u = pathToFileURL(s).href;
      if (configProblems.delete(u)) void connection.sendDiagnostics({ uri: u, diagnostics: [] });
    }
    const byFile = new Map<string, Diagnostic[]>();
    for (const e of errors) {
      if (!e.file) continue;
      const line = e.line ?? 0;
      const message = e.message.replace(`${e.file}${e.line !== undefined ? `:${e.line + 1}` : ''}: `, '');
      const u = pathToFileURL(e.file).href;
      if (!byFile.has(u)) byFile.set(u, []);
      byFile.get(u)!.push({ range: { start: { line, character: e.column ?? 0 }, end: { line, character: 10_000 } }, message, severity: DiagnosticSeverity.Error, source: SOURCE });
    }
    for (const [u, ds] of byFile) {
      configProblems.add(u);
      void connection.sendDiagnostics({ uri: u, diagnostics: ds });
    }
  }

  function publish(uri: string, version: number, findings: Finding[]): void {
    const own: Diagnostic[] = [];
    const others = new Map<string, Diagnostic[]>();
    for (const f of findings) {
      if (f.file) {
        const u = pathToFileURL(f.file).href;
        if (!others.has(u)) others.set(u, []);
        // its related locations without a file are in the linted document (the !include line), not in f.file
        others.get(u)!.push(toDiagnostic(f, uri));
      } else own.push(toDiagnostic(f, uri));
    }
    void connection.sendDiagnostics({ uri, version, diagnostics: own });
    // an included file that is open has its own lint, which owns its diagnostics (of its text as edited): this lint,
    // which read the saved file, leaves them alone (a publication replaces a file's diagnostics whole)
    const ownedElsewhere = (u: string) => {
      const d = u !== uri ? documents.get(u) : undefined;
      return !!d && !!documentKind(d);
    };
    const previous = spill.get(uri) ?? new Set<string>();
    for (const u of previous) if (!others.has(u) && !ownedElsewhere(u)) void connection.sendDiagnostics({ uri: u, diagnostics: [] });
    const spilled = new Set<string>();
    for (const [u, ds] of others) {
      if (ownedElsewhere(u)) continue;
      void connection.sendDiagnostics({ uri: u, diagnostics: ds });
      spilled.add(u);
    }
    spill.set(uri, spilled);
  }

  /** Lints now; the result is dropped when the document changed meanwhile. */
  async function lintDocument(uri: string): Promise<Outcome | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const kind = documentKind(doc);
    if (!kind) return undefined;
    try {
      await ready(kind);
      const version = doc.version;
      const { config, settings, file } = await resolveConfig(doc, kind);
      const current = documents.get(uri);
      if (!current || current.version !== version) return undefined;
      const text = current.getText();
      const t = performance.now();
      const findings = lint(text, kind, config, nodeEnv(file));
      const ms = performance.now() - t;
      if (ms > 200) log(`slow lint: ${uri} ${ms.toFixed(0)} ms`);
      let outcome: Outcome = { version, kind, findings, config };
      outcomes.set(uri, outcome);
      publish(uri, version, findings);
      if (kind === 'dockerfile' && settings.shellcheckPath && config.dockerfile.shellcheck) {
        const sc = await shellcheckDockerfile(text, config, { binary: settings.shellcheckPath, cwd: file ? dirname(file) : undefined });
        const now = documents.get(uri);
        if (sc.length && now && now.version === version) {
          outcome = { ...outcome, findings: [...findings, ...sc].sort(compareFindings) };
          outcomes.set(uri, outcome);
          publish(uri, version, outcome.findings);
        }
      }
      return outcome;
    } catch (e) {
      log(`lint failed for ${uri}: ${(e as Error)?.stack ?? e}`);
      return undefined;
    }
  }

  function schedule(uri: string, delayMs: number): void {
    const existing = timers.get(uri);
    if (existing) clearTimeout(existing);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void lintDocument(uri);
      }, delayMs),
    );
  }

  /** The findings of the document as it is now (the last lint when it is current, else a fresh one). */
  async function currentOutcome(doc: TextDocument): Promise<Outcome | undefined> {
    const o = outcomes.get(doc.uri);
    if (o && o.version === doc.version) return o;
    return lintDocument(doc.uri);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    if (params.initializationOptions) globalSettings = readServerSettings(params.initializationOptions);
    const roots = params.workspaceFolders?.map((f) => filePath(f.uri)).filter((p): p is string => !!p) ?? [];
    const rootPath = params.rootUri ? filePath(params.rootUri) : undefined;
    workspaceRoots = roots.length ? roots : rootPath ? [rootPath] : [];
    canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canRegisterConfig = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['-', '_', '='], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND], resolveProvider: false },
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'devops-guidance', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfig) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    if (canWatchFiles) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.devops-guidance.{yaml,yml}' }, { globPattern: '**/.hadolint.{yaml,yml}' }] })
        .catch(() => undefined);
    }
  });

  const relintAll = () => {
    for (const d of documents.all()) schedule(d.uri, 0);
  };

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!hasConfigurationCapability && change.settings) globalSettings = readServerSettings(change.settings);
    relintAll();
  });
  connection.onDidChangeWatchedFiles(() => relintAll());

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => {
    // didOpen also fires a content change: the scheduled lint is the same one
    void settingsFor(e.document.uri).then((s) => {
      if (s.run === 'onType') schedule(e.document.uri, outcomes.has(e.document.uri) ? s.debounceMs : 0);
    });
  });
  documents.onDidSave((e) => schedule(e.document.uri, 0));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.delete(uri);
    outcomes.delete(uri);
    settingsCache.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const u of spill.get(uri) ?? []) void connection.sendDiagnostics({ uri: u, diagnostics: [] });
    spill.delete(uri);
    // an included file closed: the open files whose lint found problems in it own them again
    const path = filePath(uri);
    if (!path) return;
    for (const [u, o] of outcomes) if (o.findings.some((f) => f.file === path)) schedule(u, 0);
  });

  /** An open document of a kind we lint, with that kind's parser loaded. */
  async function openDocument(uri: string) {
    const doc = documents.get(uri);
    const kind = doc && documentKind(doc);
    if (!doc || !kind) return undefined;
    await ready(kind);
    return { doc, kind };
  }

  connection.onHover(async (params): Promise<Hover | null> => {
    try {
      const open = await openDocument(params.textDocument.uri);
      if (!open) return null;
      const { doc, kind } = open;
      const parts: string[] = [];
      let range: Range | undefined;
      const o = await currentOutcome(doc);
      const seen = new Set<string>();
      for (const f of o?.findings ?? []) {
        if (f.file || !containsPosition(f.range, params.position) || seen.has(f.code)) continue;
        seen.add(f.code);
        const md = ruleHoverMarkdown(f.code);
        if (!md) continue;
        const link = ruleLink(f.code);
        parts.push(link ? `${md}\n\n[Reference](${link})` : md);
        range = range ?? f.range;
      }
      const { config, file } = await resolveConfig(doc, kind);
      const ref = hoverAt(doc.getText(), kind, params.position, config, nodeEnv(file));
      if (ref) {
        parts.push(ref.markdown);
        range = range ?? ref.range;
      }
      if (!parts.length) return null;
      return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
    } catch (e) {
      log(`hover failed: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  });

  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    try {
      const open = await openDocument(params.textDocument.uri);
      if (!open) return [];
      const { doc, kind } = open;
      const { config, file } = await resolveConfig(doc, kind);
      return completionsAt(doc.getText(), kind, params.position, config, nodeEnv(file)).map((c) => {
        const item: CompletionItem = { label: c.label, kind: ITEM_KIND[c.kind] };
        if (c.detail) item.detail = c.detail;
        if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
        if (c.range) item.textEdit = { range: c.range, newText: c.insertText ?? c.label };
        else if (c.insertText) item.insertText = c.insertText;
        return item;
      });
    } catch (e) {
      log(`completion failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  });

  connection.onDocumentSymbol(async (params) => {
    try {
      const open = await openDocument(params.textDocument.uri);
      if (!open) return [];
      const { doc, kind } = open;
      const { config } = await resolveConfig(doc, kind);
      return documentSymbols(doc.getText(), kind, config);
    } catch (e) {
      log(`document symbols failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  });

  connection.onCodeAction(async (params) => {
    try {
      return await codeActions(params);
    } catch (e) {
      log(`code actions failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  });

  const edit = (uri: string, edits: TextEdit[]) => ({ changes: { [uri]: edits as LspTextEdit[] } });

  async function codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const kind = documentKind(doc);
    if (!kind) return [];
    const o = await currentOutcome(doc);
    if (!o) return [];
    const uri = doc.uri;
    const own = o.findings.filter((f) => !f.file);
    const only = params.context.only;
    const wants = (k: string) => !only || only.some((o) => k === o || k.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    // source.fixAll last: quick fixes for what is under the cursor come first in a client's menu
    const withFixAll = () => {
      if (wants(FIX_ALL_KIND)) {
        const edits = fixAll(own);
        if (edits.length) actions.push({ title: 'DevOps Guidance: fix all safely fixable problems', kind: FIX_ALL_KIND, edit: edit(uri, edits) });
      }
      return actions;
    };
    if (!wants(CodeActionKind.QuickFix)) return withFixAll();
    const text = doc.getText();
    // the findings under the request: those the client names, else those touching the range
    const named = params.context.diagnostics.filter((d) => d.source === SOURCE);
    const matches = named.length
      ? own.filter((f) => named.some((d) => d.code === f.code && sameRange(d.range, f.range)))
      : own.filter((f) => overlaps(f.range, params.range));
    const seenCodes = new Set<string>();
    for (const f of matches) {
      const diag = named.find((d) => d.code === f.code && sameRange(d.range, f.range));
      const diagnostics = diag ? [diag] : [toDiagnostic(f, uri)];
      for (const [i, fix] of (f.fixes ?? []).entries()) {
        actions.push({
          title: fix.safe ? fix.title : `${fix.title} (review: may change behaviour)`,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          isPreferred: fix.safe && i === 0,
          edit: edit(uri, fix.edits),
        });
      }
      if (!seenCodes.has(f.code)) {
        seenCodes.add(f.code);
        const sameCode = own.filter((x) => x.code === f.code && x.fixes?.some((y) => y.safe));
        if (sameCode.length > 1) {
          actions.push({ title: `Fix all ${f.code} problems in this file (${sameCode.length})`, kind: CodeActionKind.QuickFix, edit: edit(uri, fixAll(sameCode, { codes: [f.code] })) });
        }
      }
      const line = ignoreEdit(text, kind, f.code, f.range.start.line, 'line', o.config);
      if (line) actions.push({ title: `Ignore ${f.code} for this line`, kind: CodeActionKind.QuickFix, diagnostics, edit: edit(uri, [line]) });
      const file = ignoreEdit(text, kind, f.code, f.range.start.line, 'file', o.config);
      if (file) actions.push({ title: `Ignore ${f.code} in this file`, kind: CodeActionKind.QuickFix, diagnostics, edit: edit(uri, [file]) });
    }
    return withFixAll();
  }

  documents.listen(connection);
  connection.listen();
  return connection;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

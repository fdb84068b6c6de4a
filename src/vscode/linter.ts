import * as vscode from 'vscode';
import { dirname } from 'node:path';
import { lintAndCheck, ready, kindOf, ConfigError, type Finding, type Kind, type ResolvedConfig } from '../core/index';
import { configFor, nodeEnv } from '../node/host';
import { nodeTools } from '../node/shellcheck';
import { readSettings } from './settings';
import { toDiagnostic, SOURCE } from './convert';

/** The kind of an open document, or undefined when it is none of ours. */
export function documentKind(doc: vscode.TextDocument): Kind | undefined {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return undefined;
  const name = doc.uri.scheme === 'untitled' ? '' : doc.uri.fsPath;
  if (doc.languageId === 'dockerfile') return 'dockerfile';
  if (doc.languageId === 'mycnf') return 'mycnf';
  if (doc.languageId === 'ruby') return kindOf(name, 'ruby');
  return undefined;
}

export interface LintOutcome {
  findings: Finding[];
  config: ResolvedConfig;
}

/**
 * Lints documents into one diagnostic collection: debounced while typing, results dropped when the document has
 * changed since (by version), findings from included files shown on those files, cleared on close.
 */
export class Linter implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly configDiagnostics = vscode.languages.createDiagnosticCollection(`${SOURCE}-config`);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Other files (includes) that a document put findings on, so they can be cleared with it. */
  private readonly spill = new Map<string, Set<string>>();
  /** The last results per document, for hovers and code actions. */
  readonly outcomes = new Map<string, { version: number; outcome: LintOutcome }>();
  private readonly readyKinds = new Set<Kind>();
  /** Files whose diagnostics come from "Lint Workspace" and stay until the next run. */
  private readonly workspaceFiles = new Set<string>();

  constructor(private readonly log: vscode.OutputChannel) {}

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.diagnostics.dispose();
    this.configDiagnostics.dispose();
  }

  async ensureReady(kind: Kind): Promise<void> {
    if (this.readyKinds.has(kind)) return;
    const t = performance.now();
    await ready(kind);
    this.readyKinds.add(kind);
    this.log.appendLine(`${kind} parser loaded in ${(performance.now() - t).toFixed(1)} ms`);
  }

  /** Schedules a lint after the debounce delay (0 = now). */
  schedule(doc: vscode.TextDocument, delayMs?: number): void {
    const kind = documentKind(doc);
    if (!kind) return;
    const key = doc.uri.toString();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    const delay = delayMs ?? readSettings(doc.uri).debounceMs;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lintNow(doc);
      }, delay),
    );
  }

  /** Lints a document now; returns the findings, or undefined when the result was stale or not ours. */
  async lintNow(doc: vscode.TextDocument): Promise<Finding[] | undefined> {
    const kind = documentKind(doc);
    if (!kind) return undefined;
    try {
      await this.ensureReady(kind);
      if (doc.isClosed) return undefined;
      const version = doc.version;
      const text = doc.getText();
      const settings = readSettings(doc.uri);
      const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      const { config, errors, sources } = configFor(file, kind, { settings: settings.config, stopAt: folder?.uri.fsPath ? dirname(folder.uri.fsPath) : undefined });
      this.reportConfigErrors(sources, errors);
      const t = performance.now();
      const shown: { findings?: Finding[] } = {};
      // ShellCheck runs an external program: trusted workspaces only (readSettings checks), after the engine's
      // findings are shown (onLint), and its results are dropped if the document changed meanwhile.
      const binary = settings.shellcheck.path === 'shellcheck' ? undefined : settings.shellcheck.path;
      const tools = settings.shellcheck.enable ? nodeTools({ binary, cwd: file ? dirname(file) : undefined }) : {};
      const all = await lintAndCheck(text, kind, config, nodeEnv(file), tools, (fs) => {
        const ms = performance.now() - t;
        if (doc.isClosed || doc.version !== version) return false; // stale: a newer lint is scheduled; no ShellCheck
        if (ms > 200) this.log.appendLine(`slow lint: ${doc.uri.fsPath} ${ms.toFixed(0)} ms`);
        shown.findings = fs;
        this.publish(doc.uri, fs);
        this.outcomes.set(doc.uri.toString(), { version, outcome: { findings: fs, config } });
        return true;
      });
      const findings = shown.findings;
      if (!findings) return undefined;
      if (all !== findings && !doc.isClosed && doc.version === version) {
        this.publish(doc.uri, all);
        this.outcomes.set(doc.uri.toString(), { version, outcome: { findings: all, config } });
        return all;
      }
      return findings;
    } catch (e) {
      // never throw into the editor
      this.log.appendLine(`lint failed for ${doc.uri.toString()}: ${(e as Error)?.stack ?? e}`);
      return undefined;
    }
  }

  publish(uri: vscode.Uri, findings: Finding[]): void {
    const own: vscode.Diagnostic[] = [];
    const others = new Map<string, vscode.Diagnostic[]>();
    for (const f of findings) {
      if (f.file) {
        const u = vscode.Uri.file(f.file).toString();
        if (!others.has(u)) others.set(u, []);
        others.get(u)!.push(toDiagnostic(f, vscode.Uri.file(f.file)));
      } else own.push(toDiagnostic(f, uri));
    }
    this.diagnostics.set(uri, own);
    const key = uri.toString();
    const previous = this.spill.get(key) ?? new Set();
    for (const u of previous) if (!others.has(u)) this.diagnostics.delete(vscode.Uri.parse(u));
    for (const [u, ds] of others) this.diagnostics.set(vscode.Uri.parse(u), ds);
    this.spill.set(key, new Set(others.keys()));
  }

  clear(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.outcomes.delete(key);
    if (this.workspaceFiles.has(key)) return;
    this.diagnostics.delete(doc.uri);
    for (const u of this.spill.get(key) ?? []) this.diagnostics.delete(vscode.Uri.parse(u));
    this.spill.delete(key);
  }

  markWorkspaceFiles(uris: vscode.Uri[]): void {
    for (const u of this.workspaceFiles) if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === u)) this.diagnostics.delete(vscode.Uri.parse(u));
    this.workspaceFiles.clear();
    for (const u of uris) this.workspaceFiles.add(u.toString());
  }

  /** Problems in .devops-guidance.yaml / .hadolint.yaml are shown on those files; files that parsed are cleared. */
  private reportConfigErrors(sources: string[], errors: ConfigError[]): void {
    for (const s of sources) this.configDiagnostics.delete(vscode.Uri.file(s));
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const e of errors) {
      if (!e.file) continue;
      const line = e.line ?? 0;
      const d = new vscode.Diagnostic(new vscode.Range(line, e.column ?? 0, line, Number.MAX_SAFE_INTEGER), e.message.replace(`${e.file}${e.line !== undefined ? `:${e.line + 1}` : ''}: `, ''), vscode.DiagnosticSeverity.Error);
      d.source = SOURCE;
      if (!byFile.has(e.file)) byFile.set(e.file, []);
      byFile.get(e.file)!.push(d);
    }
    for (const [file, ds] of byFile) this.configDiagnostics.set(vscode.Uri.file(file), ds);
  }
}

import * as vscode from 'vscode';
import { basename, dirname } from 'node:path';
import { existsSync } from 'node:fs';
import { lint, ready, kindOf, untemplatedName, compareFindings, ConfigError, type Finding, type Kind, type ResolvedConfig } from '../core/index';
import { configFor, nodeEnv } from '../node/host';
import { shellcheckFile } from '../node/shellcheck';
import { readSettings } from './settings';
import { toDiagnostic, SOURCE } from './convert';
import { configFileProblems } from './configProblems';

/** The kind of an open document, or undefined when it is none of ours. */
export function documentKind(doc: vscode.TextDocument): Kind | undefined {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return undefined;
  const name = doc.uri.scheme === 'untitled' ? '' : doc.uri.fsPath;
  if (doc.languageId === 'dockerfile') return 'dockerfile';
  if (doc.languageId === 'mycnf') return 'mycnf';
  if (doc.languageId === 'ruby') return kindOf(name, 'ruby');
  // a template of one of our files (my.cnf.j2, mysqld.cnf.erb, Dockerfile-debian.template) that another extension's
  // language (Jinja, ERB) or plain text holds: linted as the template it is, its language left as it is
  if (name && TEMPLATE_LANGUAGES.has(doc.languageId) && untemplatedName(basename(name))) return kindOf(name);
  return undefined;
}

/** Languages other extensions give templates (VS Code itself has none for *.j2, *.erb, *.epp, *.tpl...). */
const TEMPLATE_LANGUAGES = new Set(['plaintext', 'jinja', 'jinja-properties', 'jinja-yaml', 'erb', 'embedded-puppet', 'puppet', 'gotmpl', 'go-template', 'helm']);

/**
 * What the last published lint of a document cost. Times are performance.now() of the extension host, so a test in it
 * can take them apart: edit (editedAt) → debounce timer fired (firedAt) → lint sequence started (startedAt: settings,
 * configuration) → engine lint (lintStartedAt) → diagnostics handed to VS Code (publishedAt). editedAt and firedAt are
 * absent for a lint that no edit or timer started.
 */
export interface LintTiming {
  version: number;
  /** Engine lint plus publishing, wall and CPU time of this process, and the engine lint's CPU time alone. */
  wallMs: number;
  cpuMs: number;
  lintCpuMs: number;
  editedAt?: number;
  firedAt?: number;
  startedAt: number;
  lintStartedAt: number;
  publishedAt: number;
  /** CPU time of publishing: findings to diagnostics (ours), then DiagnosticCollection.set (VS Code's). */
  convertCpuMs: number;
  setCpuMs: number;
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
  /** Lints in progress per document (lintNow until its engine findings are published or found stale). */
  private readonly running = new Map<string, number>();
  /** Other files (includes) that a document put findings on, so they can be cleared with it. */
  private readonly spill = new Map<string, Set<string>>();
  /**
   * What the last lint of each document cost (the engine's lint, then publishing its diagnostics): wall and CPU time
   * of this process, and the CPU time of the engine's lint alone. For the editor suite's latency figures and the output channel; a CPU figure is what the wall
   * time would be on an idle machine.
   */
  readonly timings = new Map<string, LintTiming>();
  /** When the extension learned of each document's last edit (performance.now()), until the lint of it is published. */
  private readonly editedAt = new Map<string, number>();
  /** When each document's debounce timer fired (performance.now()), until that lint is published. */
  private readonly firedAt = new Map<string, number>();
  /** The last results per document, for hovers and code actions. */
  readonly outcomes = new Map<string, { version: number; outcome: LintOutcome }>();
  private readonly readyKinds = new Set<Kind>();
  /** The ShellCheck run in progress per document, cancelled by the next one. */
  private readonly shellcheckRuns = new Map<string, { controller: AbortController; text: string }>();
  private restrictedNoticeShown = false;
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

  /**
   * The document was edited: its ShellCheck run (for a text that is gone, so its result would be dropped) is stopped
   * now rather than when the next lint starts, so it does not take the CPU the next lint needs; the time of the edit is
   * kept for the latency trace (timings).
   */
  edited(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.editedAt.set(key, performance.now());
    const sc = this.shellcheckRuns.get(key);
    if (sc) {
      sc.controller.abort();
      this.shellcheckRuns.delete(key);
    }
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
        this.firedAt.set(key, performance.now());
        void this.lintNow(doc);
      }, delay),
    );
  }

  /** True while the document has changed since its last lint and a lint of it is scheduled or running. */
  lintPending(doc: vscode.TextDocument): boolean {
    const key = doc.uri.toString();
    return this.outcomes.get(key)?.version !== doc.version && (this.timers.has(key) || this.running.has(key));
  }

  /** Lints a document now; returns the findings, or undefined when the result was stale or not ours. */
  async lintNow(doc: vscode.TextDocument): Promise<Finding[] | undefined> {
    const kind = documentKind(doc);
    if (!kind) return undefined;
    try {
      await this.ensureReady(kind);
      if (doc.isClosed) return undefined;
      const version = doc.version;
      const current = () => !doc.isClosed && doc.version === version;
      const key = doc.uri.toString();
      this.running.set(key, (this.running.get(key) ?? 0) + 1);
      try {
        return await this.run(doc.uri, doc.getText(), kind, current, (findings, config) => {
          this.outcomes.set(key, { version, outcome: { findings, config } });
        });
      } finally {
        const n = (this.running.get(key) ?? 1) - 1;
        if (n > 0) this.running.set(key, n);
        else this.running.delete(key);
      }
    } catch (e) {
      // never throw into the editor
      this.log.appendLine(`lint failed for ${doc.uri.toString()}: ${(e as Error)?.stack ?? e}`);
      return undefined;
    }
  }

  /**
   * The engine's findings for a document's current text, synchronously, without publishing them (ShellCheck's
   * findings carry no fixes, so fix-all needs only these); undefined before the kind's parsers are loaded.
   */
  lintSync(doc: vscode.TextDocument): Finding[] | undefined {
    const kind = documentKind(doc);
    if (!kind || !this.readyKinds.has(kind)) return undefined;
    try {
      const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
      return lint(doc.getText(), kind, this.configOf(doc.uri, kind), nodeEnv(file));
    } catch (e) {
      this.log.appendLine(`lint failed for ${doc.uri.toString()}: ${(e as Error)?.stack ?? e}`);
      return undefined;
    }
  }

  /** The configuration a lint of this file uses (settings, project file, .hadolint.yaml), as run() computes it. */
  configOf(uri: vscode.Uri, kind: Kind): ResolvedConfig {
    const file = uri.scheme === 'file' ? uri.fsPath : undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return configFor(file, kind, { settings: readSettings(uri).config, stopAt: folder?.uri.fsPath }).config;
  }

  /**
   * Lints a file that is not open (Lint Workspace) exactly as opening it would: the same configuration lookup, the
   * same ShellCheck pass when the workspace is trusted. Returns the findings, or undefined when it cannot be read.
   */
  async lintClosed(uri: vscode.Uri, kind: Kind): Promise<Finding[] | undefined> {
    try {
      await this.ensureReady(kind);
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
      const isOpen = () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
      return await this.run(uri, text, kind, () => !isOpen());
    } catch (e) {
      this.log.appendLine(`lint failed for ${uri.toString()}: ${(e as Error)?.stack ?? e}`);
      return undefined;
    }
  }

  /**
   * The one lint sequence of the editor: configuration, engine findings (published at once), then ShellCheck's
   * (published with them) — each publish only while `current()` holds.
   */
  private async run(
    uri: vscode.Uri,
    text: string,
    kind: Kind,
    current: () => boolean,
    record?: (findings: Finding[], config: ResolvedConfig) => void,
  ): Promise<Finding[] | undefined> {
    const startedAt = performance.now();
    const settings = readSettings(uri);
    this.reportSettingsProblems(settings.problems);
    if ((kind === 'dockerfile' || kind === 'vagrantfile') && settings.shellcheck.offByTrust) this.restrictedModeNotice();
    const file = uri.scheme === 'file' ? uri.fsPath : undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const { config, errors, sources } = configFor(file, kind, { settings: settings.config, stopAt: folder?.uri.fsPath });
    this.reportConfigErrors(sources, errors);
    const t = performance.now();
    const c = process.cpuUsage();
    const findings = lint(text, kind, config, nodeEnv(file));
    const ms = performance.now() - t;
    const lintCpu = process.cpuUsage(c);
    if (!current()) return undefined; // stale: a newer lint is scheduled
    if (ms > 200) this.log.appendLine(`slow lint: ${uri.fsPath} ${ms.toFixed(0)} ms`);
    this.publish(uri, findings);
    const publishedAt = performance.now();
    record?.(findings, config);
    const cpu = process.cpuUsage(c);
    const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
    const key = uri.toString();
    this.timings.set(key, {
      version: this.outcomes.get(key)?.version ?? -1,
      wallMs: performance.now() - t,
      cpuMs: cpuMs(cpu),
      lintCpuMs: cpuMs(lintCpu),
      editedAt: this.editedAt.get(key),
      firedAt: this.firedAt.get(key),
      startedAt,
      lintStartedAt: t,
      publishedAt,
      ...this.lastPublish,
    });
    this.editedAt.delete(key);
    this.firedAt.delete(key);
    if ((kind === 'dockerfile' || kind === 'vagrantfile') && settings.shellcheck.enable && config.dockerfile.shellcheck && config.enable[kind]) {
      // ShellCheck runs an external program: trusted workspaces only (readSettings checks), after the engine's
      // findings are shown, and its results are dropped if the document changed meanwhile. For Vagrantfiles it
      // reads the provisioning scripts.
      const binary = settings.shellcheck.path === 'shellcheck' ? undefined : settings.shellcheck.path;
      // one ShellCheck run per document: a newer lint (or closing it) cancels the older one's queued and running scripts
      // (a run for the same text is left to finish: its result is as good)
      const key = uri.toString();
      const previous = this.shellcheckRuns.get(key);
      if (previous && previous.text !== text) previous.controller.abort();
      const run = { controller: new AbortController(), text };
      this.shellcheckRuns.set(key, run);
      let sc: Finding[];
      try {
        const options = { binary, cwd: file ? dirname(file) : undefined, signal: run.controller.signal };
        sc = await shellcheckFile(text, kind, config, options, nodeEnv(file));
      } finally {
        if (this.shellcheckRuns.get(key) === run) this.shellcheckRuns.delete(key);
      }
      if (!current() || run.controller.signal.aborted) return undefined;
      if (sc.length) {
        const all = [...findings, ...sc].sort(compareFindings);
        this.publish(uri, all);
        record?.(all, config);
        return all;
      }
    }
    return findings;
  }

  /** Lints again the files of the last Lint Workspace that are not open (after a settings or config-file change). */
  async relintWorkspaceFiles(): Promise<void> {
    for (const key of [...this.workspaceFiles]) {
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) continue;
      const uri = vscode.Uri.parse(key);
      const kind = kindOf(uri.fsPath);
      if (!kind) continue;
      const fs = await this.lintClosed(uri, kind);
      if (!fs) this.diagnostics.delete(uri);
    }
  }

  /** Config problems of files that no longer exist are dropped (cheap: only files that have problems are checked). */
  sweepDeletedConfigFiles(): void {
    this.configDiagnostics.forEach((uri) => {
      if (uri.scheme === 'file' && !existsSync(uri.fsPath)) this.configDiagnostics.delete(uri);
    });
  }

  /** A project config file was deleted: its errors go with it. */
  forgetConfigFile(uri: vscode.Uri): void {
    this.configDiagnostics.delete(uri);
  }

  /** CPU time (ms) of the last publish: turning findings into diagnostics, then VS Code's DiagnosticCollection.set. */
  private lastPublish = { convertCpuMs: 0, setCpuMs: 0 };

  publish(uri: vscode.Uri, findings: Finding[]): void {
    const c0 = process.cpuUsage();
    const own: vscode.Diagnostic[] = [];
    const others = new Map<string, vscode.Diagnostic[]>();
    for (const f of findings) {
      if (f.file) {
        const u = vscode.Uri.file(f.file).toString();
        if (!others.has(u)) others.set(u, []);
        // its related locations without a file are in the linted document (the !include line), not in f.file
        others.get(u)!.push(toDiagnostic(f, uri));
      } else own.push(toDiagnostic(f, uri));
    }
    const c1 = process.cpuUsage();
    this.diagnostics.set(uri, own);
    const c2 = process.cpuUsage();
    const ms = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1000;
    this.lastPublish = { convertCpuMs: ms(c0, c1), setCpuMs: ms(c1, c2) };
    const key = uri.toString();
    // an included file that is open has its own lint, which owns its diagnostics: the parent's lint leaves them alone
    const ownedElsewhere = (u: string) => u !== key && this.outcomes.has(u);
    const previous = this.spill.get(key) ?? new Set();
    for (const u of previous) if (!others.has(u) && !ownedElsewhere(u)) this.diagnostics.delete(vscode.Uri.parse(u));
    const spilled = new Set<string>();
    for (const [u, ds] of others) {
      if (ownedElsewhere(u)) continue;
      this.diagnostics.set(vscode.Uri.parse(u), ds);
      spilled.add(u);
    }
    this.spill.set(key, spilled);
  }

  clear(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.outcomes.delete(key);
    this.shellcheckRuns.get(key)?.controller.abort();
    this.shellcheckRuns.delete(key);
    this.editedAt.delete(key);
    this.firedAt.delete(key);
    if (this.workspaceFiles.has(key)) return;
    this.diagnostics.delete(doc.uri);
    for (const u of this.spill.get(key) ?? []) this.diagnostics.delete(vscode.Uri.parse(u));
    this.spill.delete(key);
    // An included file closed: the open files whose lint found problems in it own them again (they were left to the
    // included file's own lint while it was open), so those files are linted again and show them on it.
    if (doc.uri.scheme !== 'file') return;
    const path = doc.uri.fsPath;
    for (const [k, o] of this.outcomes) {
      if (!o.outcome.findings.some((f) => f.file === path)) continue;
      const includer = vscode.workspace.textDocuments.find((d) => d.uri.toString() === k && !d.isClosed);
      if (includer) this.schedule(includer, 0);
    }
  }

  markWorkspaceFiles(uris: vscode.Uri[]): void {
    for (const u of this.workspaceFiles) if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === u)) this.diagnostics.delete(vscode.Uri.parse(u));
    this.workspaceFiles.clear();
    for (const u of uris) this.workspaceFiles.add(u.toString());
  }

  /**
   * Problems in .devops-guidance.yaml / .hadolint.yaml are shown on those files, all of them, each at its key (unknown
   * rules as warnings with "did you mean"); a file that is fixed is cleared (a deleted one: forgetConfigFile).
   */
  private reportConfigErrors(sources: string[], errors: ConfigError[]): void {
    const files = new Set([...sources, ...errors.map((e) => e.file).filter((f): f is string => !!f)]);
    for (const file of files) {
      if (!existsSync(file)) {
        this.configDiagnostics.delete(vscode.Uri.file(file)); // deleted meanwhile: its problems go with it
        continue;
      }
      const problems = configFileProblems(file);
      const ds = problems.map((p) => {
        const d = new vscode.Diagnostic(new vscode.Range(p.line, p.column, p.line, p.endColumn), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = SOURCE;
        return d;
      });
      // an error the editor's own reading did not find (it cannot happen, but the engine's word wins): still shown
      for (const e of errors) {
        if (e.file !== file || ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error)) continue;
        const line = e.line ?? 0;
        const d = new vscode.Diagnostic(new vscode.Range(line, e.column ?? 0, line, Number.MAX_SAFE_INTEGER), e.message.replace(`${e.file}${e.line !== undefined ? `:${e.line + 1}` : ''}: `, ''), vscode.DiagnosticSeverity.Error);
        d.source = SOURCE;
        ds.push(d);
      }
      this.configDiagnostics.set(vscode.Uri.file(file), ds);
    }
  }

  /** Whether the one Restricted Mode notice about ShellCheck was shown this session. */
  get restrictedNotice(): boolean {
    return this.restrictedNoticeShown;
  }

  /** Says once per session that ShellCheck is off in Restricted Mode, and why. */
  private restrictedModeNotice(): void {
    if (this.restrictedNoticeShown) return;
    this.restrictedNoticeShown = true;
    const msg = 'DevOps Guidance: ShellCheck is off in Restricted Mode, because it runs a program on this workspace\'s shell scripts (Dockerfile RUN, Vagrant provisioning). Everything else works; trust the workspace to turn it on.';
    this.log.appendLine(msg);
    void vscode.window.showInformationMessage(msg, 'Manage Workspace Trust').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  }

  /** Problems of devopsGuidance.rules already shown (each once per session), newest last. */
  readonly settingsProblems: string[] = [];

  /** Warns once about each problem in the devopsGuidance.rules setting. */
  reportSettingsProblems(problems: string[]): void {
    for (const p of problems) {
      if (this.settingsProblems.includes(p)) continue;
      this.settingsProblems.push(p);
      this.log.appendLine(`settings: ${p}`);
      void vscode.window.showWarningMessage(`DevOps Guidance: ${p}`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'devopsGuidance.rules');
      });
    }
  }
}

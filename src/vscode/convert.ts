import * as vscode from 'vscode';
import { ruleDoc, type Finding, type Range, type Severity } from '../core/index';

export const SOURCE = 'devops-guidance';
export const DOC_SCHEME = 'devops-guidance';
/** publisher.name: the authority of the editor's own URIs that reach this extension's URI handler. */
export const EXTENSION_ID = 'devops-guidance.devops-guidance';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function fromRange(r: vscode.Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function ruleDocUri(code: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOC_SCHEME, path: `/rules/${code}.md` });
}

export function topicUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOC_SCHEME, path: `/topics/${id}.md` });
}

/** The link a diagnostic's code points at: the extension's own URI (its URI handler opens the rendered page), or ShellCheck's wiki. */
export function diagnosticCodeTarget(code: string): vscode.Uri {
  if (/^SC\d{4}$/.test(code)) return vscode.Uri.parse(`https://www.shellcheck.net/wiki/${code}`);
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: EXTENSION_ID, path: `/rules/${code}` });
}

/** Whether a rule's findings are about something deprecated or removed: only from the rule's documented tags. */
export function isDeprecationRule(code: string): boolean {
  return ruleDoc(code)?.tags?.includes('deprecated') ?? false;
}

/** Findings are kept beside their diagnostics so code actions and hovers can read fixes and codes. */
export const findingOf = new WeakMap<vscode.Diagnostic, Finding>();

/** Per rule code: the code link and whether findings are struck through (a file can have a thousand findings). */
const perCode = new Map<string, { target: vscode.Uri; deprecated: boolean }>();

function codeInfo(code: string): { target: vscode.Uri; deprecated: boolean } {
  let c = perCode.get(code);
  if (!c) perCode.set(code, (c = { target: diagnosticCodeTarget(code), deprecated: isDeprecationRule(code) }));
  return c;
}

/** `docUri` is the linted document: where related locations without a file are (also for a finding in an included file). */
export function toDiagnostic(f: Finding, docUri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
  d.source = SOURCE;
  const info = codeInfo(f.code);
  d.code = { value: f.code, target: info.target };
  if (f.related?.length) {
    d.relatedInformation = f.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(r.file ? vscode.Uri.file(r.file) : docUri, toRange(r.range)), r.message),
    );
  }
  if (info.deprecated) d.tags = [vscode.DiagnosticTag.Deprecated];
  findingOf.set(d, f);
  return d;
}

import * as vscode from 'vscode';
import { diffEdit, fixAll, fixText, ignoreEdit, type Finding, type TextEdit } from '../core/index';
import { nodeEnv } from '../node/host';
import { documentKind, type Linter } from './linter';
import { findingOf, toRange, SOURCE } from './convert';
import { readSettings } from './settings';

function workspaceEdit(uri: vscode.Uri, edits: TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(uri, toRange(e.range), e.newText);
  return we;
}

/** Quick fixes per finding: its fixes, fix all of its code, ignore on this line, ignore in this file, show the docs; and source.fixAll. */
export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.SourceFixAll.append('devopsGuidance')];

  constructor(private readonly linter: Linter) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const kind = documentKind(doc);
    if (!kind) return [];
    const actions: vscode.CodeAction[] = [];
    const fixAllKind = CodeActionProvider.kinds[1];
    const fixAllAsked = !!context.only && (context.only.contains(fixAllKind) || fixAllKind.contains(context.only));
    if (fixAllAsked) {
      // The core's fix-all: lints the text as it is now (fix-all on save right after typing, or after
      // files.trimTrailingWhitespace changed it), applies every safe fix without overlaps, repeats up to 3 rounds;
      // the editor gets one edit over the changed span.
      const config = this.linter.outcomes.get(doc.uri.toString())?.outcome.config ?? this.linter.configOf(doc.uri, kind);
      const before = doc.getText();
      const fixed = fixText(before, kind, config, nodeEnv(doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined));
      const edit = diffEdit(before, fixed.text);
      if (edit) {
        const a = new vscode.CodeAction('Fix all safely fixable DevOps Guidance problems', CodeActionProvider.kinds[1]);
        a.edit = workspaceEdit(doc.uri, [edit]);
        actions.push(a);
      }
      return actions;
    }
    // Typing asks for the light bulb's actions at every keystroke, before the lint of the new text has run. Their
    // edits would be computed from the previous text (wrong places), and linting here would block the extension host
    // and delay the lint that is on its way: nothing is offered until it has run, and VS Code asks again when its
    // diagnostics arrive.
    if (this.linter.lintPending(doc)) return actions;
    const all = this.currentFindings(doc);
    for (const d of context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const f = findingOf.get(d);
      if (!f) continue;
      for (const [i, fix] of (f.fixes ?? []).entries()) {
        const a = new vscode.CodeAction(fix.safe ? fix.title : `${fix.title} (review: may change behaviour)`, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.edit = workspaceEdit(doc.uri, fix.edits);
        a.isPreferred = fix.safe && i === 0;
        actions.push(a);
      }
      const sameCode = all.filter((x) => x.code === f.code && x.fixes?.some((y) => y.safe));
      if (sameCode.length > 1) {
        const a = new vscode.CodeAction(`Fix all ${f.code} problems in this file (${sameCode.length})`, vscode.CodeActionKind.QuickFix);
        a.edit = workspaceEdit(doc.uri, fixAll(sameCode, { codes: [f.code] }));
        actions.push(a);
      }
      const text = doc.getText();
      const config = this.linter.outcomes.get(doc.uri.toString())?.outcome.config;
      const style = readSettings(doc.uri).ignoreStyle;
      const line = ignoreEdit(text, kind, f.code, f.range.start.line, 'line', config, style);
      if (line) {
        const a = new vscode.CodeAction(`Ignore ${f.code} for this line`, vscode.CodeActionKind.QuickFix);
        a.edit = workspaceEdit(doc.uri, [line]);
        a.diagnostics = [d];
        actions.push(a);
      }
      const file = ignoreEdit(text, kind, f.code, f.range.start.line, 'file', config, style);
      if (file) {
        const a = new vscode.CodeAction(`Ignore ${f.code} in this file`, vscode.CodeActionKind.QuickFix);
        a.edit = workspaceEdit(doc.uri, [file]);
        a.diagnostics = [d];
        actions.push(a);
      }
      const docs = new vscode.CodeAction(`Show documentation for ${f.code} (${f.name})`, vscode.CodeActionKind.QuickFix);
      docs.command = { command: 'devopsGuidance.explainRule', title: 'Explain rule', arguments: [f.code] };
      actions.push(docs);
    }
    return actions;
  }

  /**
   * The findings of the text as it is now: the last lint's when it saw this version, else a fresh engine lint of the
   * current text (fix-all on save right after typing, or after `files.trimTrailingWhitespace` changed the text).
   */
  private currentFindings(doc: vscode.TextDocument): Finding[] {
    const o = this.linter.outcomes.get(doc.uri.toString());
    const findings = o && o.version === doc.version ? o.outcome.findings : this.linter.lintSync(doc);
    return (findings ?? []).filter((f) => !f.file);
  }
}

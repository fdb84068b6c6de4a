/**
 * Option-file specifics of the editor: which `*.cnf` / `*.ini` documents are MySQL option files (by name, folder or
 * content: an OpenSSL or Kerberos `.cnf` stays in its own mode), and a status bar item that shows the server the
 * active option file is checked for and why.
 */
import * as vscode from 'vscode';
import { isOptionFileName, looksLikeOptionFile, mycnfTarget } from '../core/index';
import { configFor, nodeEnv } from '../node/host';
import { readSettings } from './settings';

const GENERIC_LANGUAGES = new Set(['plaintext', 'ini', 'properties']);

/** Puts a document in the mycnf language mode when it is an option file the name association did not catch. */
export function adoptOptionFile(doc: vscode.TextDocument): void {
  if (doc.uri.scheme !== 'file' || !GENERIC_LANGUAGES.has(doc.languageId)) return;
  const kind = isOptionFileName(doc.uri.fsPath);
  if (kind === 'no') return;
  try {
    if (kind === 'yes' || looksLikeOptionFile(doc.getText())) void vscode.languages.setTextDocumentLanguage(doc, 'mycnf').then(undefined, () => undefined);
  } catch {
    // never throw into the editor
  }
}

/** "MariaDB 11.4" in the status bar for the active option file; the tooltip says why. */
export class TargetStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('devopsGuidance.mysqlTarget', vscode.StatusBarAlignment.Right, 100);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.item.name = 'DevOps Guidance: option file target';
  }

  /** Recomputes for the active editor (debounced: it parses the file once more). */
  update(delay = 150): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.show(), delay);
  }

  private show(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'mycnf') {
      this.item.hide();
      return;
    }
    try {
      const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      const { config } = configFor(file, 'mycnf', { settings: readSettings(doc.uri).config, stopAt: folder?.uri.fsPath });
      const t = mycnfTarget(doc.getText(), config, nodeEnv(file));
      this.item.text = `$(database) ${t.label}`;
      this.item.tooltip = new vscode.MarkdownString(`**Checked for ${t.label}** (\`${t.target}\`): ${t.reason}.${t.tables ? `\n\n_${t.tables}._` : ''}\n\nSet it with \`# devops-guidance target=...\` in the file, \`mysql.target\` in \`.devops-guidance.yaml\`, or the \`devopsGuidance.mysql.target\` setting.`);
      this.item.show();
    } catch {
      this.item.hide();
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
  }
}

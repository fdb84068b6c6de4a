import * as vscode from 'vscode';
import { ruleMarkdown, topicMarkdown } from '../core/index';
import { DOC_SCHEME, ruleDocUri, topicUri } from './convert';

/** Read-only Markdown pages for rules and topics (`devops-guidance:/rules/DL3007.md`, `devops-guidance:/topics/<id>.md`). */
export class PagesProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const m = /^\/(rules|topics)\/([^/]+)\.md$/.exec(uri.path);
    if (!m) return `# Not found\n\nNo page at \`${uri.toString()}\`.`;
    const linkRule = (code: string) => ruleDocUri(code).toString();
    const linkTopic = (id: string) => topicUri(id).toString();
    const page = m[1] === 'rules' ? ruleMarkdown(m[2], linkTopic) : topicMarkdown(m[2], linkRule, linkTopic);
    return page ?? `# Not found\n\nThere is no ${m[1] === 'rules' ? 'rule' : 'topic'} called \`${m[2]}\`.`;
  }
}

/** Opens a page rendered by VS Code's Markdown preview; falls back to the Markdown source. */
export async function openPage(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}

export { DOC_SCHEME };

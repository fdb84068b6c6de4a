import * as vscode from 'vscode';
import { findRule, ruleMarkdown, topic, topicMarkdown } from '../core/index';
import { DOC_SCHEME, ruleDocUri, topicUri } from './convert';

/** The commands a rendered page may run from its links (and nothing else). */
const PAGE_COMMANDS = ['devopsGuidance.explainRule', 'devopsGuidance.lookupTopic'] as const;

/** `command:` link that opens a rule's rendered page (hovers and pages use it). */
export function ruleCommandLink(code: string): string {
  return `command:devopsGuidance.explainRule?${encodeURIComponent(JSON.stringify([code]))}`;
}

/** `command:` link that opens a topic's rendered page. */
export function topicCommandLink(id: string): string {
  return `command:devopsGuidance.lookupTopic?${encodeURIComponent(JSON.stringify([id]))}`;
}

export type PageRef = { kind: 'rules' | 'topics'; id: string };

/** The Markdown of a page; links to rules and topics are command links (the rendered page) or content-provider URIs (the source). */
export function pageMarkdown(ref: PageRef, links: 'command' | 'source'): string | undefined {
  const linkRule = links === 'command' ? ruleCommandLink : (code: string) => ruleDocUri(code).toString();
  const linkTopic = links === 'command' ? topicCommandLink : (id: string) => topicUri(id).toString();
  return ref.kind === 'rules' ? ruleMarkdown(ref.id, linkTopic) : topicMarkdown(ref.id, linkRule, linkTopic);
}

/** Read-only Markdown source of rule and topic pages (`devops-guidance:/rules/DL3007.md`, `devops-guidance:/topics/<id>.md`). */
export class PagesProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const m = /^\/(rules|topics)\/([^/]+)\.md$/.exec(uri.path);
    if (!m) return `# Not found\n\nNo page at \`${uri.toString()}\`.`;
    const page = pageMarkdown({ kind: m[1] as PageRef['kind'], id: m[2] }, 'source');
    return page ?? `# Not found\n\nThere is no ${m[1] === 'rules' ? 'rule' : 'topic'} called \`${m[2]}\`.`;
  }
}

/** `<editor scheme>://devops-guidance.devops-guidance/rules/DL3007` and `…/topics/<id>` open the rendered page. */
export class PageUriHandler implements vscode.UriHandler {
  constructor(private readonly pages: PagesPanel) {}
  async handleUri(uri: vscode.Uri): Promise<void> {
    const m = /^\/(rules|topics)\/([^/]+?)(?:\.md)?$/.exec(uri.path);
    if (m) await this.pages.show({ kind: m[1] as PageRef['kind'], id: decodeURIComponent(m[2]) });
  }
}

const VIEW_TYPE = 'devopsGuidance.page';

/**
 * One webview panel showing rendered rule and topic pages. The Markdown is rendered by VS Code's own Markdown
 * extension (`markdown.api.render`); links between pages are command links the panel allows (and only those).
 */
export class PagesPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** What the panel shows now (for tests and for the tab title). */
  current: (PageRef & { title: string; html: string }) | undefined;

  async show(ref: PageRef): Promise<boolean> {
    const id = ref.kind === 'rules' ? findRule(ref.id)?.code : topic(ref.id)?.id;
    if (!id) return false;
    const md = pageMarkdown({ kind: ref.kind, id }, 'command')!;
    const title = md.split('\n')[0].replace(/^#\s*/, '');
    let body: string;
    try {
      body = await vscode.commands.executeCommand<string>('markdown.api.render', md);
      if (typeof body !== 'string') throw new Error('no renderer');
    } catch {
      body = `<pre>${escapeHtml(md)}</pre>`;
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: false,
        enableCommandUris: [...PAGE_COMMANDS],
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.current = undefined;
      });
    } else this.panel.reveal(undefined, false);
    const html = page(title, body);
    this.panel.title = title;
    this.panel.webview.html = html;
    this.current = { kind: ref.kind, id, title, html };
    return true;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** The one panel of the extension. */
export const pagesPanel = new PagesPanel();

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: data:;">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: var(--vscode-markdown-font-family, var(--vscode-font-family)); font-size: var(--vscode-markdown-font-size, 14px); line-height: 1.55; max-width: 52em; padding: 0 1.5em 2em; color: var(--vscode-foreground); }
a { color: var(--vscode-textLink-foreground); } a:hover { color: var(--vscode-textLink-activeForeground); }
code { font-family: var(--vscode-editor-font-family); font-size: 0.92em; }
pre { background: var(--vscode-textCodeBlock-background); padding: 0.7em 1em; overflow-x: auto; border-radius: 3px; }
h1 { font-size: 1.7em; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 0.3em; }
h2 { font-size: 1.3em; margin-top: 1.4em; }
</style></head>
<body>${body}</body></html>`;
}

export { DOC_SCHEME };

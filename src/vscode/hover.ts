import * as vscode from 'vscode';
import { hoverAt, ruleDoc, ruleHoverMarkdown, topic, findRule } from '../core/index';
import { nodeEnv } from '../node/host';
import { documentKind, type Linter } from './linter';
import { diagnosticCodeTarget, fromRange, toRange, SOURCE } from './convert';
import { ruleCommandLink, topicCommandLink } from './pages';

/** On a finding: a short line (message, one-line fix) and links to the rendered rule page and its topic. Elsewhere: the reference of what is under the cursor. */
export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly linter: Linter) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const kind = documentKind(doc);
    if (!kind) return undefined;
    try {
      await this.linter.ensureReady(kind);
      const parts: vscode.MarkdownString[] = [];
      let range: vscode.Range | undefined;
      const here = this.linter.diagnostics.get(doc.uri)?.filter((d) => d.source === SOURCE && d.range.contains(position)) ?? [];
      const seen = new Set<string>();
      for (const d of here) {
        const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
        if (!code || seen.has(code)) continue;
        seen.add(code);
        const m = findingHover(code);
        if (!m) continue;
        parts.push(m);
        range = range ? range.union(d.range) : d.range;
      }
      const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
      // the configuration the last lint of this very version used: its parse is then reused (no re-parse, no config read)
      const last = this.linter.outcomes.get(doc.uri.toString());
      const config = last && last.version === doc.version ? last.outcome.config : this.linter.configOf(doc.uri, kind);
      const ref = hoverAt(doc.getText(), kind, fromRange(new vscode.Range(position, position)).start, config, nodeEnv(file));
      if (ref) {
        const m = new vscode.MarkdownString(ref.markdown);
        m.isTrusted = false;
        parts.push(m);
        range = range ?? toRange(ref.range);
      }
      if (!parts.length) return undefined;
      return new vscode.Hover(parts, range);
    } catch {
      return undefined;
    }
  }
}

/** Commands a finding hover's links may run (trusted for these only). */
const HOVER_COMMANDS = ['devopsGuidance.explainRule', 'devopsGuidance.lookupTopic'];

/** The hover part of one finding: `**CODE name**`, `**Fix:** one line`, links (the message is VS Code's part above). */
export function findingHover(code: string): vscode.MarkdownString | undefined {
  const m = new vscode.MarkdownString();
  m.isTrusted = { enabledCommands: HOVER_COMMANDS };
  if (/^SC\d{4}$/.test(code)) {
    m.appendMarkdown(`**ShellCheck ${code}**\n\n[ShellCheck wiki: ${code}](${diagnosticCodeTarget(code).toString()})`);
    return m;
  }
  // VS Code shows the diagnostic's message right above this part: it is not repeated
  const md = ruleHoverMarkdown(code);
  const meta = findRule(code);
  if (!md || !meta) return undefined;
  m.appendMarkdown(md);
  const links = [`[Explain ${meta.code}](${ruleCommandLink(meta.code)} "Open the rendered rule page")`];
  const t = ruleDoc(meta.code)?.topics.map((id) => topic(id)).find((x) => !!x);
  if (t) links.push(`[Topic: ${escapeMarkdown(t.title)}](${topicCommandLink(t.id)})`);
  m.appendMarkdown(`\n\n${links.join(' · ')}`);
  return m;
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}

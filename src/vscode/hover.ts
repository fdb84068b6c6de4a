import * as vscode from 'vscode';
import { hoverAt, ruleHoverMarkdown } from '../core/index';
import { configFor, nodeEnv } from '../node/host';
import { documentKind, type Linter } from './linter';
import { fromRange, ruleDocUri, toRange, SOURCE } from './convert';
import { readSettings } from './settings';

/** On a finding: its why and fix, with a link to the full page. Elsewhere: the reference of what is under the cursor. */
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
        const md = ruleHoverMarkdown(code);
        if (!md) continue;
        const m = new vscode.MarkdownString(md);
        m.appendMarkdown(`\n\n[Full explanation](${ruleDocUri(code).toString()})`);
        parts.push(m);
        range = range ? range.union(d.range) : d.range;
      }
      const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
      const { config } = configFor(file, kind, { settings: readSettings(doc.uri).config });
      const ref = hoverAt(doc.getText(), kind, fromRange(new vscode.Range(position, position)).start, config, nodeEnv(file));
      if (ref) {
        parts.push(new vscode.MarkdownString(ref.markdown));
        range = range ?? toRange(ref.range);
      }
      if (!parts.length) return undefined;
      for (const p of parts) p.isTrusted = false;
      return new vscode.Hover(parts, range);
    } catch {
      return undefined;
    }
  }
}

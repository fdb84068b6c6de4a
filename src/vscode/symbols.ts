import * as vscode from 'vscode';
import { symbols, type SymbolInfo } from '../core/index';
import { nodeEnv } from '../node/host';
import { documentKind, type Linter } from './linter';
import { toRange } from './convert';

const KIND: Record<SymbolInfo['kind'], vscode.SymbolKind> = {
  configure: vscode.SymbolKind.Namespace,
  machine: vscode.SymbolKind.Class,
  provider: vscode.SymbolKind.Object,
  provisioner: vscode.SymbolKind.Function,
  network: vscode.SymbolKind.Interface,
  folder: vscode.SymbolKind.Package,
  trigger: vscode.SymbolKind.Event,
  group: vscode.SymbolKind.Module,
  option: vscode.SymbolKind.Property,
};

function convert(s: SymbolInfo): vscode.DocumentSymbol {
  const range = toRange(s.range);
  const sel = toRange(s.selectionRange);
  const d = new vscode.DocumentSymbol(s.name || '…', s.detail ?? '', KIND[s.kind], range, range.contains(sel) ? sel : range);
  d.children = s.children.map(convert);
  return d;
}

/** The outline of Vagrantfiles and option files, from the core's symbols(). Never throws. */
export class SymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly linter: Linter) {}

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const kind = documentKind(doc);
    if (kind !== 'vagrantfile' && kind !== 'mycnf') return [];
    try {
      await this.linter.ensureReady(kind);
      const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
      // the configuration and file of the last lint of this version: the outline then reuses its parse
      const last = this.linter.outcomes.get(doc.uri.toString());
      const config = last && last.version === doc.version ? last.outcome.config : this.linter.configOf(doc.uri, kind);
      return symbols(doc.getText(), kind, config, nodeEnv(file)).map(convert);
    } catch {
      return [];
    }
  }
}

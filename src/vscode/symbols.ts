import * as vscode from 'vscode';
import { symbols, type SymbolInfo } from '../core/index';
import { configFor } from '../node/host';
import { documentKind, type Linter } from './linter';
import { toRange } from './convert';
import { readSettings } from './settings';

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
      const { config } = configFor(file, kind, { settings: readSettings(doc.uri).config, stopAt: vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath });
      return symbols(doc.getText(), kind, config).map(convert);
    } catch {
      return [];
    }
  }
}

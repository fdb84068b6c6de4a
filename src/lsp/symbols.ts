/**
 * Document symbols (the editor's outline): the core's symbols service (option files, Vagrantfiles) mapped to LSP;
 * for Dockerfiles, which the core does not outline yet, stages and their instructions from the engine's model.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { symbols as coreSymbols, type Kind, type Range, type ResolvedConfig, type SymbolInfo } from '../core/index';
import { language } from '../core/registry';
import type { DockerfileModel } from '../core/dockerfile/model';

function sym(name: string, kind: SymbolKind, range: Range, selectionRange: Range = range, children?: DocumentSymbol[], detail?: string): DocumentSymbol {
  const s: DocumentSymbol = { name: name || '(unnamed)', kind, range, selectionRange };
  if (detail) s.detail = detail;
  if (children?.length) s.children = children;
  return s;
}

/** The first line of an instruction's arguments, shortened: an outline shows one line per symbol. */
function brief(text: string | null): string | undefined {
  if (!text) return undefined;
  const line = text.split(/\r?\n/)[0].trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

function dockerfile(m: DockerfileModel): DocumentSymbol[] {
  return m.stages.map((st) => {
    const last = st.instructions[st.instructions.length - 1] ?? st.from;
    const range = { start: st.from.getRange().start, end: last.getRange().end };
    const children = st.instructions.map((ins) => sym(ins.getKeyword(), SymbolKind.Field, ins.getRange(), ins.getInstructionRange(), undefined, brief(ins.getArgumentsContent())));
    const name = st.nameText ? `${st.nameText}` : `stage ${st.index}`;
    return sym(name, SymbolKind.Class, range, st.nameRange ?? st.from.getInstructionRange(), children, st.image?.raw);
  });
}

const KIND: Record<SymbolInfo['kind'], SymbolKind> = {
  configure: SymbolKind.Namespace,
  machine: SymbolKind.Class,
  provider: SymbolKind.Module,
  provisioner: SymbolKind.Function,
  network: SymbolKind.Interface,
  folder: SymbolKind.File,
  group: SymbolKind.Module,
  option: SymbolKind.Property,
  trigger: SymbolKind.Event,
};

function fromCore(s: SymbolInfo): DocumentSymbol {
  return sym(s.name, KIND[s.kind] ?? SymbolKind.Object, s.range, s.selectionRange, s.children.map(fromCore), s.detail);
}

/** Never throws: an outline is a convenience. */
export function documentSymbols(text: string, kind: Kind, config: ResolvedConfig): DocumentSymbol[] {
  try {
    if (kind !== 'dockerfile') return coreSymbols(text, kind, config).map(fromCore);
    const lang = language(kind);
    if (!lang.isReady()) return [];
    return dockerfile(lang.parse(text, {}, config) as DockerfileModel);
  } catch {
    return [];
  }
}

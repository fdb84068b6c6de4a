/**
 * Document symbols (the editor's outline) from the models the engine already builds: Dockerfile stages and their
 * instructions, option-file groups and their options, Vagrantfile machines, providers and provisioners.
 *
 * Stop-gap: the core has no editor-neutral symbols service yet (one is planned beside hover and completion). When
 * it lands, this file becomes a mapping of its results, like hover and completion in server.ts.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Kind, Range, ResolvedConfig } from '../core/index';
import { language } from '../core/registry';
import type { DockerfileModel } from '../core/dockerfile/model';
import type { MycnfModel } from '../core/mycnf/model';
import type { VagrantModel, Value } from '../core/vagrant/model';

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
    const children = st.instructions.map((ins) => sym(ins.getKeyword(), SymbolKind.Field, ins.getRange(), ins.getInstructionRange(), undefined, brief(ins.getRawArgumentsContent())));
    const name = st.nameText ? `${st.nameText}` : `stage ${st.index}`;
    return sym(name, SymbolKind.Class, range, st.nameRange ?? st.from.getInstructionRange(), children, st.image?.raw);
  });
}

function mycnf(m: MycnfModel): DocumentSymbol[] {
  // the linted file only (source 0), not the files it includes
  return m.groups
    .filter((g) => g.source === 0)
    .map((g) => {
      const own = g.options.filter((o) => o.source === 0);
      const end = own.length ? own[own.length - 1].range.end : g.range.end;
      const children = own.map((o) => sym(o.text, SymbolKind.Property, o.range, o.nameRange, undefined, o.rawValue));
      return sym(`[${g.name}]`, SymbolKind.Module, { start: g.range.start, end }, g.nameRange, children, g.readBy);
    });
}

function literal(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string' || v.kind === 'symbol') return String(v.value);
  return undefined;
}

function vagrantfile(m: VagrantModel): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const d of m.defines) out.push(sym(`machine ${literal(d.name) ?? '?'}`, SymbolKind.Class, d.call.range, d.call.nameRange));
  for (const p of m.providers) out.push(sym(`provider ${literal(p.name) ?? '?'}`, SymbolKind.Module, p.call.range, p.call.nameRange));
  for (const p of m.provisions) out.push(sym(`provision ${p.type ?? literal(p.typeValue) ?? '?'}`, SymbolKind.Function, p.call.range, p.call.nameRange));
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Never throws: an outline is a convenience. */
export function documentSymbols(text: string, kind: Kind, config: ResolvedConfig): DocumentSymbol[] {
  try {
    const lang = language(kind);
    if (!lang.isReady()) return [];
    const model = lang.parse(text, {}, config);
    if (kind === 'dockerfile') return dockerfile(model as DockerfileModel);
    if (kind === 'mycnf') return mycnf(model as MycnfModel);
    return vagrantfile(model as VagrantModel);
  } catch {
    return [];
  }
}

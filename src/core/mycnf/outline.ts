/** The outline of an option file: its groups, each with its options (the linted file only, not its includes). */
import type { SymbolInfo } from '../language';
import type { MycnfModel } from './model';

export function mycnfSymbols(m: MycnfModel): SymbolInfo[] {
  const out: SymbolInfo[] = [];
  let group: SymbolInfo | undefined;
  for (const g of m.groups) {
    if (g.source !== 0) continue;
    group = { name: `[${g.name}]`, detail: g.readBy, kind: 'group', range: g.range, selectionRange: g.range, children: [] };
    out.push(group);
    for (const o of g.options) {
      if (o.source !== 0) continue;
      group.children.push({
        name: o.text,
        detail: o.hasValue ? o.rawValue : undefined,
        kind: 'option',
        range: o.range,
        selectionRange: o.nameRange,
        children: [],
      });
      if (o.range.end.line > group.range.end.line || (o.range.end.line === group.range.end.line && o.range.end.character > group.range.end.character)) {
        group.range = { start: group.range.start, end: o.range.end };
      }
    }
  }
  // options before any header (a fragment read as [mysqld], or orphans the server refuses)
  const loose = m.options.filter((o) => o.source === 0 && !o.group);
  for (const o of loose) out.unshift({ name: o.text, detail: o.hasValue ? o.rawValue : undefined, kind: 'option', range: o.range, selectionRange: o.nameRange, children: [] });
  return out;
}

/**
 * The outline of a Vagrantfile: each configure block with its machines, and under each (or at the top) the
 * providers, provisioners, networks, synced folders and triggers written there, in source order. Calls written in a
 * helper method (outside the block they configure) are not listed.
 */
import type { Range } from '../finding';
import type { SymbolInfo } from '../language';
import type { ConfigScope, SettingCall, Value, VagrantModel } from './model';
import { kwarg, str } from './helpers';

function within(inner: Range, outer: Range): boolean {
  const a = inner.start, b = outer.start, c = inner.end, d = outer.end;
  const le = (x: { line: number; character: number }, y: { line: number; character: number }) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(b, a) && le(c, d);
}

function show(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string' || v.kind === 'symbol') return v.value;
  if (v.kind === 'integer' || v.kind === 'float' || v.kind === 'boolean') return String(v.value);
  if (v.kind === 'unknown' && v.staticText !== undefined) return v.staticText.replace(/\0/g, '…');
  return undefined;
}

function scopeOfCall(c: SettingCall): ConfigScope | undefined {
  return c.target.type === 'namespace' ? c.target.scope : undefined;
}

function symbolOf(c: SettingCall): SymbolInfo | undefined {
  const t = c.target;
  if (t.type !== 'namespace' || c.assignment) return undefined;
  const base = { range: c.range, selectionRange: c.nameRange, children: [] as SymbolInfo[] };
  if (t.namespace === 'trigger' && (c.name === 'before' || c.name === 'after')) {
    const on = c.args.map(show).filter(Boolean).join(', ');
    return { ...base, kind: 'trigger', name: `trigger ${c.name}${on ? ` ${on}` : ''}` };
  }
  if (t.namespace !== 'vm') return undefined;
  const first = c.args[0];
  const sel = first ? first.range : c.nameRange;
  switch (c.name) {
    case 'provider':
      return { ...base, selectionRange: sel, kind: 'provider', name: `provider ${show(first) ?? '…'}` };
    case 'provision': {
      const typeKw = kwarg(c, 'type');
      const type = show(typeKw ? typeKw.value : first) ?? '…';
      const name = typeKw ? show(first) : undefined;
      const what = show(kwarg(c, 'path')?.value) ?? show(kwarg(c, 'playbook')?.value);
      return { ...base, selectionRange: sel, kind: 'provisioner', name: `provision ${name ? `${name} (${type})` : type}`, detail: what };
    }
    case 'network': {
      const type = show(first) ?? '…';
      const ip = show(kwarg(c, 'ip')?.value);
      const ports = type === 'forwarded_port' ? `${show(kwarg(c, 'guest')?.value) ?? '?'} → ${show(kwarg(c, 'host_ip')?.value) ? `${show(kwarg(c, 'host_ip')?.value)}:` : ''}${show(kwarg(c, 'host')?.value) ?? '?'}` : undefined;
      return { ...base, selectionRange: sel, kind: 'network', name: `network ${type}`, detail: ports ?? ip };
    }
    case 'forward_port':
      return { ...base, selectionRange: sel, kind: 'network', name: 'forward_port (v1)', detail: `${show(c.args[0]) ?? '?'} → ${show(c.args[1]) ?? '?'}` };
    case 'synced_folder':
      return { ...base, selectionRange: sel, kind: 'folder', name: `synced_folder ${show(first) ?? '…'}`, detail: [show(c.args[1]), str(kwarg(c, 'type')?.value)].filter(Boolean).join(' · ') || undefined };
    case 'share_folder':
      return { ...base, selectionRange: sel, kind: 'folder', name: `share_folder ${show(first) ?? '…'} (v1)`, detail: show(c.args[2]) };
    default:
      return undefined;
  }
}

export function vagrantSymbols(m: VagrantModel): SymbolInfo[] {
  const out: SymbolInfo[] = [];
  /** Machine scope id → its symbol; global scope id → its configure symbol. */
  const byScope = new Map<number, SymbolInfo>();
  for (const s of m.scopes) {
    if (s.kind === 'global') {
      const v = s.configure.apiVersion;
      const sym: SymbolInfo = {
        name: v === 1 ? 'Vagrant::Config.run (v1)' : `Vagrant.configure(${v ? `"${v}"` : '…'})`,
        kind: 'configure',
        range: s.configure.range,
        selectionRange: s.configure.callRange,
        children: [],
      };
      byScope.set(s.id, sym);
      out.push(sym);
    }
  }
  const seen = new Set<string>();
  const key = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  for (const d of m.defines) {
    const parent = d.scope.parent ? byScope.get(d.scope.parent.id) : undefined;
    if (!parent || !within(d.call.range, parent.range) || seen.has(key(d.call.range))) continue;
    seen.add(key(d.call.range));
    const box = m.calls.find((c) => c.assignment && c.name === 'box' && c.target.type === 'namespace' && c.target.scope === d.scope);
    const sym: SymbolInfo = {
      name: show(d.name) ?? '…',
      detail: show(box?.value),
      kind: 'machine',
      range: d.call.range,
      selectionRange: d.name.range,
      children: [],
    };
    byScope.set(d.scope.id, sym);
    parent.children.push(sym);
  }
  for (const c of m.calls) {
    const scope = scopeOfCall(c);
    if (!scope) continue;
    const sym = symbolOf(c);
    if (!sym) continue;
    // overrides of a provider block belong to the machine (or configure block) the provider block is in
    let owner: ConfigScope | undefined = scope;
    while (owner && !byScope.has(owner.id)) owner = owner.parent;
    const parent = owner ? byScope.get(owner.id) : undefined;
    if (!parent || !within(c.range, parent.range) || seen.has(key(c.range))) continue;
    seen.add(key(c.range));
    parent.children.push(sym);
  }
  const order = (a: SymbolInfo, b: SymbolInfo) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  const sort = (list: SymbolInfo[]) => {
    list.sort(order);
    for (const s of list) sort(s.children);
  };
  sort(out);
  return out;
}

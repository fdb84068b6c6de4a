/**
 * Indexes over a Vagrantfile model, built once per model on first use, so that rules asking "which settings does
 * this machine see?" stay linear in the size of the file (a generated Vagrantfile can define thousands of machines).
 */
import type { ConfigScope, ProviderBlock, Provision, SettingCall, VagrantModel } from './model';

export interface ScopeIndex {
  /** Every namespace call `<ns>.<name>` (key `ns.name`) or `<ns>.*` (key `ns`), in source order. */
  named(key: string): SettingCall[];
  /** Machines: `vm.define` scopes, or a configure block's global scope when it defines none. */
  machines: ConfigScope[];
  /** The machines defined under a global scope. */
  machinesUnder(scope: ConfigScope): ConfigScope[];
  /** Namespace calls `<ns>.<name>` made directly on a scope. */
  callsAt(scope: ConfigScope, key: string): SettingCall[];
  /** Namespace calls `<ns>.<name>` made on the scope or any scope below it (machines, overrides). */
  callsBelow(scope: ConfigScope, key: string): SettingCall[];
  /** Calls the scope sees: on itself, its parents, and the scopes below it. */
  visible(scope: ConfigScope, key: string): SettingCall[];
  /** Provider blocks opened on the scope or its parents. */
  providersAbove(scope: ConfigScope): ProviderBlock[];
  /** Provider blocks opened on the scope or below it. */
  providersBelow(scope: ConfigScope): ProviderBlock[];
  /** Provisioners defined on the scope or its parents (what the machine runs). */
  provisionsAbove(scope: ConfigScope): Provision[];
}

const cache = new WeakMap<VagrantModel, ScopeIndex>();

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const EMPTY: never[] = [];

export function scopeIndex(model: VagrantModel): ScopeIndex {
  let ix = cache.get(model);
  if (ix) return ix;

  const named = new Map<string, SettingCall[]>();
  const at = new Map<string, SettingCall[]>(); // `${scopeId} ${key}`
  const below = new Map<string, SettingCall[]>();
  for (const c of model.calls) {
    if (c.target.type !== 'namespace') continue;
    const key = `${c.target.namespace}.${c.name}`;
    push(named, key, c);
    push(named, c.target.namespace, c);
    push(at, `${c.target.scope.id} ${key}`, c);
    for (let s: ConfigScope | undefined = c.target.scope; s; s = s.parent) push(below, `${s.id} ${key}`, c);
  }

  const under = new Map<number, ConfigScope[]>();
  for (const s of model.scopes) {
    if (s.kind !== 'machine') continue;
    for (let p = s.parent; p; p = p.parent) if (p.kind === 'global') push(under, p.id, s);
  }
  const machines: ConfigScope[] = [];
  for (const g of model.scopes) if (g.kind === 'global') machines.push(...(under.get(g.id) ?? [g]));

  const provAt = new Map<number, ProviderBlock[]>();
  const provBelow = new Map<number, ProviderBlock[]>();
  for (const p of model.providers) {
    push(provAt, p.scope.id, p);
    for (let s: ConfigScope | undefined = p.scope; s; s = s.parent) push(provBelow, s.id, p);
  }
  const provisionAt = new Map<number, Provision[]>();
  for (const p of model.provisions) push(provisionAt, p.scope.id, p);

  const up = <T>(scope: ConfigScope, table: Map<number, T[]>): T[] => {
    const out: T[] = [];
    for (let s: ConfigScope | undefined = scope; s; s = s.parent) out.push(...(table.get(s.id) ?? EMPTY));
    return out;
  };

  ix = {
    named: (key) => named.get(key) ?? EMPTY,
    machines,
    machinesUnder: (scope) => under.get(scope.id) ?? EMPTY,
    callsAt: (scope, key) => at.get(`${scope.id} ${key}`) ?? EMPTY,
    callsBelow: (scope, key) => below.get(`${scope.id} ${key}`) ?? EMPTY,
    visible(scope, key) {
      const out = [...(below.get(`${scope.id} ${key}`) ?? EMPTY)];
      for (let s = scope.parent; s; s = s.parent) out.push(...(at.get(`${s.id} ${key}`) ?? EMPTY));
      return out;
    },
    providersAbove: (scope) => up(scope, provAt),
    providersBelow: (scope) => provBelow.get(scope.id) ?? EMPTY,
    provisionsAbove: (scope) => up(scope, provisionAt),
  };
  cache.set(model, ix);
  return ix;
}

/** Small queries over the Vagrantfile model, shared by several rules. */
import type { Range, TextEdit } from '../finding';
import type { ConfigScope, KeywordArg, ProviderBlock, Provision, SettingCall, Value, VagrantModel } from './model';
import { scopeIndex } from './scopes';

/** The text of a string or symbol literal. */
export function str(v: Value | undefined): string | undefined {
  return v && (v.kind === 'string' || v.kind === 'symbol') ? v.value : undefined;
}

/** True when a value is literally known (not computed). */
export function known(v: Value | undefined): v is Exclude<Value, { kind: 'unknown' }> {
  return !!v && v.kind !== 'unknown';
}

export function kwarg(call: SettingCall, name: string): KeywordArg | undefined {
  return call.kwargs.find((k) => k.name === name);
}

/** API version of the configure block a scope belongs to (undefined when computed). */
export function apiVersion(scope: ConfigScope): 1 | 2 | undefined {
  return scope.configure.apiVersion;
}

/** The scope itself, then its parents up to the global one. */
export function chain(scope: ConfigScope): ConfigScope[] {
  const out: ConfigScope[] = [];
  for (let s: ConfigScope | undefined = scope; s; s = s.parent) out.push(s);
  return out;
}

/** The scope a call's settings belong to (for provider and provisioner objects: the scope of their block). */
export function scopeOf(call: SettingCall): ConfigScope {
  const t = call.target;
  return t.type === 'namespace' ? t.scope : t.type === 'provider' ? t.provider.scope : t.provision.scope;
}

/** Calls `<ns>.<name>` on a config object, in source order. */
export function namespaceCalls(model: VagrantModel, namespace: string, name?: string): SettingCall[] {
  return scopeIndex(model).named(name === undefined ? namespace : `${namespace}.${name}`);
}

/** Calls of `<ns>.<name>` made on any scope of the chain, or on a descendant (machine, override) of `scope`. */
export function settingsVisibleFrom(model: VagrantModel, scope: ConfigScope, namespace: string, name: string): SettingCall[] {
  return scopeIndex(model).visible(scope, `${namespace}.${name}`);
}

/** The machines a configure block defines: its `vm.define` scopes, or its global scope when there is none. */
export function machines(model: VagrantModel): ConfigScope[] {
  return scopeIndex(model).machines;
}

/** Provider blocks that apply to a machine scope (its own and those of its parents). */
export function providersFor(model: VagrantModel, scope: ConfigScope): ProviderBlock[] {
  return scopeIndex(model).providersAbove(scope);
}

/** Providers named anywhere in the file, lower-case; undefined entries are computed names. */
export function providerNames(model: VagrantModel): (string | undefined)[] {
  return model.providers.map((p) => p.provider);
}

/** A provisioner option: from the keyword arguments of the call or an assignment in its block. */
export function provisionOption(p: Provision, name: string): { value: Value; range: Range; nameRange: Range } | undefined {
  const k = kwarg(p.call, name);
  if (k) return { value: k.value, range: k.range, nameRange: k.nameRange };
  const s = [...p.settings].reverse().find((c) => c.assignment && c.name === name);
  if (s) return { value: s.value!, range: s.range, nameRange: s.nameRange };
  return undefined;
}

/** Provider setting assigned in the block (`vb.memory = 2048`), last one wins. */
export function providerSetting(p: ProviderBlock, name: string): SettingCall | undefined {
  return [...p.settings].reverse().find((c) => c.assignment && c.name === name);
}

/** An edit that adds `, key: value` as the last argument of a call (after its last argument). */
export function appendKeywordArg(call: SettingCall, text: string): TextEdit | undefined {
  if (!call.argsEnd || call.bracedOptions || call.openArgs) return undefined;
  return { range: { start: call.argsEnd.end, end: call.argsEnd.end }, newText: `, ${text}` };
}

/** Where a value came from, for a message: ` (through BOX)` when read through a constant. */
export function via(v: Value): string {
  return 'via' in v && v.via ? ` (through ${v.via.name})` : '';
}

/** Related information pointing at the constant or variable a value was read through. */
export function viaRelated(v: Value): { message: string; range: Range }[] | undefined {
  if (!('via' in v) || !v.via) return undefined;
  return [{ message: `${v.via.name} is assigned here`, range: v.via.definition }];
}

/** The static prefix of a partly computed string (`"192.168.33.#{i}"` → `192.168.33.`). */
export function staticPrefix(v: Value): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'unknown' && v.staticText !== undefined) {
    const i = v.staticText.indexOf('\0');
    return i < 0 ? v.staticText : v.staticText.slice(0, i);
  }
  return undefined;
}

/** Is this call (or its scope) certainly executed exactly once per machine? */
export function certain(call: SettingCall): boolean {
  return !call.flow.loop && !call.flow.conditional;
}

/** A forwarded port, read from v2 `vm.network "forwarded_port", guest:, host:` or v1 `vm.forward_port guest, host`. */
export interface Forward {
  call: SettingCall;
  v1: boolean;
  guest?: { value: Value; range: Range };
  host?: { value: Value; range: Range };
}

/** Every forwarded port of the file (v1 ones included), with guest and host read from keywords or positions. */
export function forwards(model: VagrantModel): Forward[] {
  const out: Forward[] = [];
  for (const call of namespaceCalls(model, 'vm')) {
    if (call.assignment) continue;
    const scope = scopeOf(call);
    const v1 = apiVersion(scope) === 1;
    // a v1 block that may not run is a version switch for Vagrant 1.0 (see VGT034)
    if (v1 && scope.configure.flow.conditional) continue;
    if (!v1 && call.name === 'network' && str(call.args[0]) === 'forwarded_port') {
      const g = kwarg(call, 'guest');
      const h = kwarg(call, 'host');
      out.push({ call, v1, guest: g && { value: g.value, range: g.range }, host: h && { value: h.value, range: h.range } });
    } else if (v1 && call.name === 'forward_port') {
      const [g, h] = call.args;
      out.push({ call, v1, guest: g && { value: g, range: g.range }, host: h && { value: h, range: h.range } });
    }
  }
  return out;
}

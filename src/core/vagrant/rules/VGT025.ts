import { defineRule } from '../../rule';
import type { ConfigScope, SettingCall, VagrantModel } from '../model';
import { chain, forwards, kwarg, machines, scopeOf, str, type Forward } from '../helpers';

/** Runs whenever its scope runs: no loop or condition between the scope and the call. */
function unconditional(call: SettingCall, scope: ConfigScope): boolean {
  return call.flow.level === scope.flow.level;
}

function hostKey(f: Forward): string | undefined {
  const call = f.call;
  const host = f.host?.value;
  const port = host?.kind === 'integer' ? host.value : host?.kind === 'string' && /^\d+$/.test(host.value) ? Number(host.value) : undefined;
  if (port === undefined) return undefined;
  const ipv = kwarg(call, 'host_ip')?.value;
  if (ipv && ipv.kind !== 'string') return undefined;
  const proto = kwarg(call, 'protocol')?.value;
  if (proto && str(proto) === undefined) return undefined;
  return `${ipv?.kind === 'string' ? ipv.value : ''}|${str(proto) ?? 'tcp'}|${port}`;
}

/**
 * The same host port forwarded twice for one machine. Vagrant names a forward after its host address, protocol and
 * port, so the second silently replaces the first (with explicit different ids, validation fails instead).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT025', name: 'forwarded-port-duplicate', kind: 'vagrantfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    const all = forwards(m).filter((f) => !f.call.openArgs && scopeOf(f.call).kind !== 'override');
    const byScope = new Map<number, Forward[]>();
    for (const c of all) {
      const s = scopeOf(c.call);
      if (!unconditional(c.call, s) || !hostKey(c)) continue;
      const list = byScope.get(s.id);
      if (list) list.push(c);
      else byScope.set(s.id, [c]);
    }
    const reported = new Set<number>();
    for (const machine of machines(m)) {
      const mine = chain(machine).reverse().flatMap((s) => byScope.get(s.id) ?? []);
      const seen = new Map<string, Forward>();
      for (const c of mine) {
        const key = hostKey(c)!;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, c);
          continue;
        }
        if (reported.has(c.call.id)) continue;
        reported.add(c.call.id);
        ctx.report({
          range: c.host!.range,
          message: `Host port ${key.split('|')[2]} is already forwarded${first.call.range.start.line !== c.call.range.start.line ? ` on line ${first.call.range.start.line + 1}` : ''}; Vagrant keeps only the last forward for a host port, so the earlier one silently disappears. Use another host port.`,
          related: [{ message: 'first forwarded here', range: first.host!.range }],
        });
      }
    }
  },
});

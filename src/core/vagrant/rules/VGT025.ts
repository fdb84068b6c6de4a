import { defineRule } from '../../rule';
import type { ConfigScope, SettingCall, VagrantModel } from '../model';
import { apiVersion, chain, kwarg, machines, namespaceCalls, scopeOf, str } from '../helpers';

/** Runs whenever its scope runs: no loop or condition between the scope and the call. */
function unconditional(call: SettingCall, scope: ConfigScope): boolean {
  return call.flow.level === scope.flow.level;
}

function hostKey(call: SettingCall): string | undefined {
  const host = kwarg(call, 'host')?.value;
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
    const forwards = namespaceCalls(m, 'vm', 'network').filter(
      (c) => !c.assignment && !c.openArgs && str(c.args[0]) === 'forwarded_port' && apiVersion(scopeOf(c)) !== 1 && scopeOf(c).kind !== 'override',
    );
    const byScope = new Map<number, SettingCall[]>();
    for (const c of forwards) {
      const s = scopeOf(c);
      if (!unconditional(c, s) || !hostKey(c)) continue;
      const list = byScope.get(s.id);
      if (list) list.push(c);
      else byScope.set(s.id, [c]);
    }
    const reported = new Set<number>();
    for (const machine of machines(m)) {
      const mine = chain(machine).reverse().flatMap((s) => byScope.get(s.id) ?? []);
      const seen = new Map<string, SettingCall>();
      for (const c of mine) {
        const key = hostKey(c)!;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, c);
          continue;
        }
        if (reported.has(c.id)) continue;
        reported.add(c.id);
        const host = kwarg(c, 'host')!;
        ctx.report({
          range: host.range,
          message: `Host port ${key.split('|')[2]} is already forwarded${first.range.start.line !== c.range.start.line ? ` on line ${first.range.start.line + 1}` : ''}; Vagrant keeps only the last forward for a host port, so the earlier one silently disappears. Use another host port.`,
          related: [{ message: 'first forwarded here', range: kwarg(first, 'host')!.range }],
        });
      }
    }
  },
});

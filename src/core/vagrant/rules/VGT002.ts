import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { appendKeywordArg, apiVersion, kwarg, namespaceCalls, scopeOf, str } from '../helpers';

/**
 * A forwarded port without host_ip listens on every interface of the host, so anyone on the same network
 * can reach the guest's service (Vagrant's own SSH forward binds 127.0.0.1 for that reason).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT002', name: 'forwarded-port-all-interfaces', kind: 'vagrantfile', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    for (const call of namespaceCalls(m, 'vm', 'network')) {
      if (call.assignment) continue;
      if (apiVersion(scopeOf(call)) === 1 || str(call.args[0]) !== 'forwarded_port' || call.openArgs) continue;
      if (kwarg(call, 'host_ip')) continue;
      const host = kwarg(call, 'host');
      const guest = kwarg(call, 'guest');
      const lit = (v: { value: { kind: string; value?: unknown } } | undefined) =>
        v && (v.value.kind === 'integer' || v.value.kind === 'string') ? String(v.value.value) : undefined;
      const h = lit(host);
      const g = lit(guest);
      const what = h ? `Host port ${h}${g ? ` (guest port ${g})` : ''}` : `The forward${g ? ` to guest port ${g}` : ''}`;
      const edit = appendKeywordArg(call, 'host_ip: "127.0.0.1"');
      ctx.report({
        range: host ? host.range : call.args[0].range,
        message: `${what} has no host_ip, so it listens on every network interface of the host and other machines on the network can reach it. Add host_ip: "127.0.0.1" unless they really need to.`,
        fixes: edit ? [{ title: 'Listen on localhost only: add host_ip: "127.0.0.1"', safe: false, edits: [edit] }] : undefined,
      });
    }
  },
});

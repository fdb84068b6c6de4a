import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, kwarg, namespaceCalls, scopeOf, str } from '../helpers';

/**
 * A public (bridged) network puts the guest on the host's LAN, with the base box's known user, password and
 * (unless replaced) SSH key. Vagrant's own documentation warns about it.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT004', name: 'public-network', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const call of namespaceCalls(m, 'vm', 'network')) {
      if (call.assignment) continue;
      const v1 = apiVersion(scopeOf(call)) === 1;
      if (str(call.args[0]) !== (v1 ? 'bridged' : 'public_network')) continue;
      const ip = kwarg(call, 'ip')?.value;
      const fixed = ip?.kind === 'string' ? ` with the fixed address ${ip.value}` : '';
      ctx.report({
        range: call.args[0].range,
        message: `A public network bridges the machine onto the host's LAN${fixed}: everyone there can reach it, and base boxes ship with well-known credentials. Prefer a private network or a forwarded port bound to 127.0.0.1, or harden the guest first.`,
      });
    }
  },
});

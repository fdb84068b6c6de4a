import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, kwarg, namespaceCalls, scopeOf, str } from '../helpers';

/**
 * A private-network address ending in .1 is usually the host's own address on that network (VirtualBox and
 * libvirt give the host adapter .1), so the guest collides with it; Vagrant prints a warning about it at `up`.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT013', name: 'private-network-gateway-ip', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const call of namespaceCalls(m, 'vm', 'network')) {
      if (call.assignment || apiVersion(scopeOf(call)) === 1 || str(call.args[0]) !== 'private_network') continue;
      const ip = kwarg(call, 'ip')?.value;
      if (ip?.kind !== 'string' || !/^\d{1,3}\.\d{1,3}\.\d{1,3}\.1$/.test(ip.value.trim())) continue;
      ctx.report({
        range: ip.range,
        message: `${ip.value} ends in .1, the address the host itself usually takes on a host-only or libvirt network; the guest and the host would fight over it. Pick another address, e.g. .10.`,
      });
    }
  },
});

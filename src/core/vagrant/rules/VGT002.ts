import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { appendKeywordArg, forwards, kwarg } from '../helpers';

/**
 * A forwarded port without host_ip listens on every interface of the host, so anyone on the same network
 * can reach the guest's service (Vagrant's own SSH forward binds 127.0.0.1 for that reason).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT002', name: 'forwarded-port-all-interfaces', kind: 'vagrantfile', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    for (const { call, v1, guest, host } of forwards(m)) {
      if (call.openArgs || kwarg(call, 'host_ip')) continue;
      const lit = (v: { value: { kind: string; value?: unknown } } | undefined) =>
        v && (v.value.kind === 'integer' || v.value.kind === 'string') ? String(v.value.value) : undefined;
      const h = lit(host);
      const g = lit(guest);
      const what = h ? `Host port ${h}${g ? ` (guest port ${g})` : ''}` : `The forward${g ? ` to guest port ${g}` : ''}`;
      const whatV1 = h ? what : `This port${g ? ` (guest port ${g})` : ''}`;
      // A v1 block has no host_ip option: the advice is to move to v2 (VGT034 says why).
      const edit = v1 ? undefined : appendKeywordArg(call, 'host_ip: "127.0.0.1"');
      ctx.report({
        range: host ? host.range : (call.args[0]?.range ?? call.nameRange),
        message: v1
          ? `${whatV1} is forwarded on every network interface of the host (Vagrant 1 syntax has no host_ip), so other machines on the network can reach it. In a Vagrant.configure("2") block write config.vm.network "forwarded_port", guest: ${g ?? '...'}, host: ${h ?? '...'}, host_ip: "127.0.0.1".`
          : `${what} has no host_ip, so it listens on every network interface of the host and other machines on the network can reach it. Add host_ip: "127.0.0.1" unless they really need to.`,
        fixes: edit ? [{ title: 'Listen on localhost only: add host_ip: "127.0.0.1"', safe: false, edits: [edit] }] : undefined,
      });
    }
  },
});

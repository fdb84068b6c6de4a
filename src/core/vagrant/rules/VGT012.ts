import { defineRule } from '../../rule';
import type { ConfigScope, VagrantModel } from '../model';
import { apiVersion, kwarg, namespaceCalls, scopeOf, staticPrefix, str } from '../helpers';
import { scopeIndex } from '../scopes';

/** 192.168.56.0/21: 192.168.56.0 – 192.168.63.255. */
function inDefaultRange(a: number, b: number, c: number): boolean {
  return a === 192 && b === 168 && c >= 56 && c <= 63;
}

/**
 * VirtualBox 6.1.28+ on Linux and macOS hosts only allows host-only networks in 192.168.56.0/21 (unless
 * /etc/vbox/networks.conf says otherwise); `vagrant up` then stops with "The IP address configured for the
 * host-only network is not within the allowed ranges". Checked when VirtualBox may run the machine: a virtualbox
 * provider block applies to it, or the file names no provider at all (VirtualBox is Vagrant's default).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT012', name: 'host-only-ip-out-of-range', kind: 'vagrantfile', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const anyProvider = m.providers.length > 0;
    const mayBeVirtualBox = (scope: ConfigScope): boolean => {
      if (scope.kind === 'override') return scope.provider?.provider === 'virtualbox';
      const ix = scopeIndex(m);
      const mine = [...ix.providersAbove(scope), ...ix.providersBelow(scope)];
      if (!anyProvider) return true;
      return mine.some((p) => p.provider === 'virtualbox' || p.provider === undefined);
    };
    for (const call of namespaceCalls(m, 'vm', 'network')) {
      const scope = scopeOf(call);
      if (call.assignment || apiVersion(scope) === 1 || str(call.args[0]) !== 'private_network') continue;
      if (kwarg(call, 'virtualbox__intnet') || kwarg(call, 'intnet') || str(kwarg(call, 'type')?.value) === 'dhcp') continue;
      const ipArg = kwarg(call, 'ip');
      if (!ipArg) continue;
      const prefix = staticPrefix(ipArg.value);
      if (prefix === undefined) continue;
      const full = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(prefix);
      const part = full ?? /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.$/.exec(prefix);
      if (!part || (!full && ipArg.value.kind === 'string')) continue;
      const [a, b, c] = [Number(part[1]), Number(part[2]), Number(part[3])];
      if (a > 255 || b > 255 || c > 255 || inDefaultRange(a, b, c)) continue;
      if (!mayBeVirtualBox(scope)) continue;
      const shown = ipArg.value.kind === 'string' ? ipArg.value.value : `${prefix}…`;
      const last = full ? Number(full[4]) : undefined;
      const canFix = ipArg.value.kind === 'string' && !ipArg.value.via && last !== undefined && last > 1 && last < 255;
      ctx.report({
        range: ipArg.value.range,
        message: `Host-only address ${shown} is outside 192.168.56.0/21, the only range VirtualBox 6.1.28 and later accept on Linux and macOS hosts; \`vagrant up\` will stop. Use 192.168.56.x–192.168.63.x, or allow the range in /etc/vbox/networks.conf.`,
        fixes: canFix ? [{ title: `Use 192.168.56.${last}`, safe: false, edits: [{ range: ipArg.value.range, newText: `"192.168.56.${last}"` }] }] : undefined,
      });
    }
  },
});

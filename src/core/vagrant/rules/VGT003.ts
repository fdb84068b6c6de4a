import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import type { Severity } from '../../finding';
import type { SettingCall, VagrantModel } from '../model';
import { apiVersion, kwarg, namespaceCalls, scopeOf, str } from '../helpers';

/** File names of private keys everyone has: Vagrant's insecure key, phusion/baseimage's insecure key. */
const PUBLIC_KEYS = /(?:^|[\\/])(?:insecure_private_key|insecure_key)$/;

/**
 * config.ssh.insert_key = false keeps the box's well-known insecure key pair, and a private_key_path that
 * points at a published insecure key does the same: whoever reaches the SSH port logs in with sudo.
 * A warning when the machine is on a public network or forwards SSH on all interfaces, info otherwise.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT003', name: 'ssh-insecure-key', kind: 'vagrantfile', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const exposed = namespaceCalls(m, 'vm', 'network').some((c) => {
      const type = str(c.args[0]);
      if (type === 'public_network') return true;
      const guest = kwarg(c, 'guest')?.value;
      return type === 'forwarded_port' && guest?.kind === 'integer' && guest.value === 22 && !kwarg(c, 'host_ip');
    });
    const severity: Severity = exposed ? 'warning' : 'info';
    const where = exposed ? 'and this file puts the machine on a reachable network' : 'so anyone who can reach the SSH port can log in';
    for (const ns of ['ssh', 'winssh']) {
      for (const call of namespaceCalls(m, ns)) {
        if (!call.assignment || apiVersion(scopeOf(call)) === 1) continue;
        const v = call.value!;
        if (call.name === 'insert_key' && v.kind === 'boolean' && !v.value) {
          ctx.report({
            range: span(call, v.range),
            severity,
            message: `${ns}.insert_key = false keeps the publicly known Vagrant key pair on the machine, ${where}. Let Vagrant replace it (remove the line, or set it to true).`,
            fixes: [{ title: 'Let Vagrant insert a fresh key (insert_key = true)', safe: false, edits: [{ range: v.range, newText: 'true' }] }],
          });
        }
        if (call.name === 'private_key_path') {
          const values = v.kind === 'array' ? v.items : [v];
          for (const item of values) {
            const path = item.kind === 'string' ? item.value : undefined;
            if (path && PUBLIC_KEYS.test(path)) {
              ctx.report({
                range: item.range,
                severity,
                message: `"${path}" is a private key that is published with its tool, ${where}. Use a key pair of your own, or let Vagrant generate one.`,
              });
            }
          }
        }
      }
    }
  },
});

function span(call: SettingCall, valueRange: Range): Range {
  return { start: call.nameRange.start, end: valueRange.end };
}

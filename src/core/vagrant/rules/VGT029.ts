import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, namespaceCalls, scopeOf } from '../helpers';

/**
 * config.ssh.forward_agent = true lends the host's SSH agent to the guest: anyone with root in the guest can use
 * your keys (to log in to servers or push to repositories) for as long as a session is open.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT029', name: 'ssh-agent-forwarding', kind: 'vagrantfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    for (const c of namespaceCalls(m, 'ssh', 'forward_agent')) {
      if (!c.assignment || apiVersion(scopeOf(c)) === 1) continue;
      const v = c.value!;
      if (v.kind !== 'boolean' || !v.value) continue;
      ctx.report({
        range: { start: c.nameRange.start, end: v.range.end },
        message: 'ssh.forward_agent = true lets root in the guest use the keys in your SSH agent while you are connected. Give the guest its own deploy key, or forward the agent only for the session that needs it (vagrant ssh -- -A).',
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, kwarg, namespaceCalls, scopeOf, str } from '../helpers';

/**
 * A forwarded host port below 1024: binding it needs root on Linux and most Unix hosts, and Vagrant advises
 * against running as root. Pick a port above 1024 (8080 for 80, 8443 for 443).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT026', name: 'forwarded-port-privileged', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const c of namespaceCalls(m, 'vm', 'network')) {
      if (c.assignment || apiVersion(scopeOf(c)) === 1 || str(c.args[0]) !== 'forwarded_port') continue;
      const host = kwarg(c, 'host');
      const v = host?.value;
      const port = v?.kind === 'integer' ? v.value : v?.kind === 'string' && /^\d+$/.test(v.value.trim()) ? Number(v.value) : undefined;
      if (port === undefined || port < 1 || port >= 1024) continue;
      ctx.report({
        range: host!.range,
        message: `Host port ${port} is below 1024, which only root may bind on Linux and most Unix hosts, and running Vagrant as root is not recommended. Forward to a port above 1024 (e.g. ${port === 80 ? 8080 : port === 443 ? 8443 : port + 8000}).`,
      });
    }
  },
});

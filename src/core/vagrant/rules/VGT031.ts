import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, kwarg, namespaceCalls, scopeOf } from '../helpers';

/** Host paths that are the whole disk, all users' homes, or your own home (Vagrant expands `~`). */
const TOO_WIDE = /^(?:\/|~\/?|\/home\/?|\/Users\/?|\/root\/?|\/home\/[^/]+\/?|\/Users\/[^/]+\/?|[A-Za-z]:[\\/]?|[A-Za-z]:[\\/]Users(?:[\\/][^\\/]+)?[\\/]?)$/;

/**
 * A synced folder that shares the host's root, its home folders or your own home with the guest: everything in it
 * (SSH keys, cloud credentials, browser profiles, other projects) becomes readable, and usually writable, by every
 * process in the guest, and by anyone who gets into it.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT031', name: 'synced-folder-exposes-host', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const call of namespaceCalls(m, 'vm', 'synced_folder')) {
      if (call.assignment || apiVersion(scopeOf(call)) === 1) continue;
      const host = call.args[0];
      if (host?.kind !== 'string' || !TOO_WIDE.test(host.value.trim())) continue;
      const disabled = kwarg(call, 'disabled')?.value;
      if (disabled?.kind === 'boolean' && disabled.value) continue;
      const what = /^(?:\/|[A-Za-z]:[\\/]?)$/.test(host.value.trim()) ? 'the whole disk of the host' : /~|\/home\/[^/]|\/Users\/[^/]|Users[\\/][^\\/]/.test(host.value) ? 'a home folder of the host' : 'the home folders of the host';
      ctx.report({
        range: host.range,
        message: `"${host.value}" shares ${what} with the guest: SSH keys, cloud credentials and other projects become readable (and usually writable) from inside the machine. Share the project folder, or a folder made for the purpose, instead.`,
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, namespaceCalls, scopeOf, str } from '../helpers';

/**
 * WinRM without protection: transport :plaintext sends commands and credentials unencrypted, basic_auth_only
 * sends the password with every request, and ssl_peer_verification = false accepts any certificate.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT016', name: 'winrm-unencrypted', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const call of namespaceCalls(m, 'winrm')) {
      if (!call.assignment || apiVersion(scopeOf(call)) === 1) continue;
      const v = call.value!;
      const range = { start: call.nameRange.start, end: v.range.end };
      if (call.name === 'transport' && str(v) === 'plaintext') {
        ctx.report({ range, message: 'winrm.transport = :plaintext sends commands, output and the password unencrypted over the network. Use :negotiate (the default) or :ssl.' });
      } else if (call.name === 'basic_auth_only' && v.kind === 'boolean' && v.value) {
        ctx.report({ range, message: 'winrm.basic_auth_only = true limits WinRM to Basic authentication, which sends the password with every request (in clear text unless the transport is :ssl). Leave it off and use :negotiate.' });
      } else if (call.name === 'ssl_peer_verification' && v.kind === 'boolean' && !v.value) {
        ctx.report({ range, severity: 'info', message: 'winrm.ssl_peer_verification = false accepts any certificate, so the encrypted connection can be intercepted. Trust the guest\'s certificate instead where you can.' });
      }
    }
  },
});

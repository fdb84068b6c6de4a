import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, namespaceCalls, scopeOf, settingsVisibleFrom } from '../helpers';

/**
 * The box download is not verified: box_download_insecure = true skips TLS certificate checks, and a box_url
 * over plain http:// without box_download_checksum can be swapped in transit. The box becomes the machine's disk.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT015', name: 'box-download-unverified', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const call of namespaceCalls(m, 'vm')) {
      const scope = scopeOf(call);
      if (!call.assignment || apiVersion(scope) === 1) continue;
      const v = call.value!;
      if (call.name === 'box_download_insecure' && v.kind === 'boolean' && v.value) {
        ctx.report({
          range: { start: call.nameRange.start, end: v.range.end },
          message: 'box_download_insecure = true downloads the box without checking the server\'s TLS certificate, so anyone in the path can hand you a different disk image. Fix the certificate problem instead (box_download_ca_cert).',
        });
      }
      if (call.name === 'box_url') {
        if (settingsVisibleFrom(m, scope, 'vm', 'box_download_checksum').length || scope.escaped) continue;
        const urls = v.kind === 'array' ? v.items : [v];
        for (const u of urls) {
          if (u.kind !== 'string' || !/^http:\/\//i.test(u.value.trim())) continue;
          if (/^http:\/\/(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])(?::\d+)?\//i.test(u.value.trim())) continue;
          ctx.report({
            range: u.range,
            message: `The box is downloaded over plain HTTP (${u.value}) with no box_download_checksum, so it can be replaced on the way. Use https:// or add box_download_checksum and box_download_checksum_type.`,
          });
        }
      }
    }
  },
});

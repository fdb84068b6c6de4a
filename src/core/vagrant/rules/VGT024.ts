import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, provisionOption, staticPrefix } from '../helpers';

const CHECKSUMS = ['sha256', 'sha512', 'sha384', 'sha1', 'md5'];

/**
 * A shell provisioner whose script is downloaded (path: "https://...") and run as root without a checksum: whoever
 * controls that URL (or the network, over http) controls the machine. Vagrant checks sha256: and friends when given.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT024', name: 'provision-script-unverified', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const p of m.provisions) {
      if (p.type !== 'shell' || apiVersion(p.scope) === 1 || p.escaped || p.call.openArgs) continue;
      const path = provisionOption(p, 'path');
      // a literal URL, or an interpolated one whose literal start is already a URL ("https://#{host}/setup.sh")
      const url = path ? staticPrefix(path.value)?.trim() : undefined;
      if (!url || !/^https?:\/\/./i.test(url)) continue;
      if (CHECKSUMS.some((c) => provisionOption(p, c))) continue;
      const plain = /^http:/i.test(url) ? ' over plain HTTP' : '';
      ctx.report({
        range: path!.value.range,
        message: `The script is downloaded${plain} from ${path!.value.kind === 'string' ? url : `${url}…`} and run (as root by default) without a checksum: a change at that URL changes the machine. Add sha256: "<digest>" (or vendor the script into the project).`,
      });
    }
  },
});

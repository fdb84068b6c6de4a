import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, kwarg, namespaceCalls, scopeOf } from '../helpers';

/**
 * dmode=777, fmode=666, umask=000 ...: does this mount option let every guest user write? On a directory, writing
 * (creating, deleting, renaming entries) needs both the w and the x bit, so dmode=776 or dmask=001 does not.
 */
function worldWritable(opt: string): boolean {
  const m = /^(dmode|fmode|mode|umask|dmask|fmask)=0*([0-7]{1,4})$/.exec(opt.trim());
  if (!m) return false;
  const digits = m[2].padStart(3, '0').slice(-3);
  const other = Number(digits[2]);
  switch (m[1]) {
    case 'dmode':
      return (other & 3) === 3;
    case 'dmask':
      return (other & 3) === 0; // the mask removes neither w nor x for others
    case 'fmode':
    case 'mode':
      return (other & 2) !== 0;
    default: // umask, fmask: files get w unless the mask removes it
      return (other & 2) === 0;
  }
}

/**
 * A synced folder mounted writable for every user of the guest (dmode=777, fmode=666, umask=000 ...): any
 * process in the guest, the web server's user included, can change the project's files on the host.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT018', name: 'synced-folder-world-writable', kind: 'vagrantfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    for (const call of namespaceCalls(m, 'vm', 'synced_folder')) {
      if (call.assignment || apiVersion(scopeOf(call)) === 1) continue;
      const opts = kwarg(call, 'mount_options')?.value;
      if (opts?.kind !== 'array') continue;
      const bad = opts.items.flatMap((item) => (item.kind === 'string' ? item.value.split(',').filter(worldWritable).map((o) => ({ o, item })) : []));
      if (!bad.length) continue;
      ctx.report({
        range: bad[0].item.range,
        message: `Mount option${bad.length > 1 ? 's' : ''} ${bad.map((b) => b.o.trim()).join(', ')} make${bad.length > 1 ? '' : 's'} the synced folder writable by every user in the guest, who can then change the project's files on the host. Give ownership to the user that needs it (owner:, group:) and drop the write bit for others (e.g. dmode=775,fmode=664).`,
      });
    }
  },
});

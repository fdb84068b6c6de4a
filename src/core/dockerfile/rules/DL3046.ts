import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { commandsNamed, insertAfter } from '../shell/lint';
import { parseOptions } from '../../shell/options';

const USERADD = { shortValued: 'bcdefgGkKpsuRPZ', longValued: ['--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key', '--password', '--shell', '--uid', '--root', '--prefix', '--selinux-user', '--btrfs-subvolume-home'] };

/** useradd with a large UID and no -l: the sparse lastlog/faillog files grow to gigabytes in the layer. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3046', name: 'useradd-lastlog-bloat', kind: 'dockerfile', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    {
      for (const { cmd: c } of commandsNamed(m, 'useradd')) {
        if (c.program !== 'useradd' || !c.name) continue;
        const p = parseOptions(c.args, USERADD);
        if (p.options.some((o) => o.name === '-l' || o.name === '--no-log-init')) continue;
        const uid = p.options.find((o) => o.name === '-u' || o.name === '--uid');
        if (!uid?.value || !/^\d+$/.test(uid.value) || uid.value.length <= 5) continue;
        ctx.report({
          range: (uid.valueWord ?? uid.word).range,
          message: `useradd with UID ${uid.value} and without -l writes a lastlog entry at that offset: the sparse file becomes huge in the layer. Add -l (--no-log-init).`,
          fixes: [{ title: 'Add -l', safe: true, edits: [insertAfter(c.name, '-l')] }],
        });
      }
    }
  },
});

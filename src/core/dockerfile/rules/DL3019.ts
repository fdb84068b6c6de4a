import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls, commands, fullyParsed, insertAfter, mountedCache, nameThrough, removesDir, ships } from '../shell/lint';

/** apk add without --no-cache leaves the package index in /var/cache/apk (a cache mount, removing the cache and builder stages no image ships are understood). */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3019', name: 'apk-cache-kept', kind: 'dockerfile', severity: 'info', fix: 'safe', aliases: ['DS-0025'] },
  check(m, ctx) {
    for (const { run, call } of calls(m, ['apk'])) {
      if (call.action !== 'add' || !call.actionWord || !ships(m, run)) continue;
      // --no-network installs from what is already there: no index is downloaded
      if (call.options.some((o) => o.name === '--no-cache' || o.name === '--no-network')) continue;
      if (mountedCache(run, '/var/cache/apk', '/etc/apk/cache')) continue;
      if (removesDir(commands(run), '/var/cache/apk') || !fullyParsed(run)) continue;
      ctx.report({
        range: nameThrough(call.command, call.actionWord),
        message: '`apk add` without --no-cache keeps the package index in the image; --no-cache also makes a separate `apk update` unnecessary.',
        fixes: [{ title: 'Add --no-cache', safe: true, edits: [insertAfter(call.actionWord, '--no-cache')] }],
      });
    }
  },
});

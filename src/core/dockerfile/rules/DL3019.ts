import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { callOf, calls, commands, fullyParsed, insertAfter, mountedCache, nameThrough, removesDir, ships } from '../shell/lint';

/** apk add without --no-cache leaves the package index in /var/cache/apk (a cache mount, removing the cache and builder stages no image ships are understood). */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3019', name: 'apk-cache-kept', kind: 'dockerfile', severity: 'info', fix: 'safe', aliases: ['DS-0025'] },
  check(m, ctx) {
    const all = calls(m, ['apk']);
    const updates = (c: (typeof all)[number]['call']) => c.options.some((o) => o.name === '--update' || o.name === '-U' || o.name === '--no-cache');
    for (const [i, { run, call }] of all.entries()) {
      if (call.action !== 'add' || !call.actionWord || !ships(m, run)) continue;
      // --no-network installs from what is already there: no index is downloaded
      if (call.options.some((o) => o.name === '--no-cache' || o.name === '--no-network')) continue;
      if (mountedCache(run, '/var/cache/apk', '/etc/apk/cache')) continue;
      if (removesDir(commands(run), '/var/cache/apk') || !fullyParsed(run)) continue;
      /**
       * With --update (-U) and no `apk update` in this RUN, the index this command downloads is what a later
       * `apk add` in another RUN finds; with --no-cache it is not kept, and that later install would fail.
       */
      const laterNeedsIndex = (r: typeof run, c: typeof call, at: number): boolean => {
        if (!updates(c) || commands(r).some((x) => { const k = callOf(x); return k?.manager === 'apk' && k.action === 'update'; })) return false;
        return all.slice(at + 1).some((e) => e.run !== r && e.call.action === 'add' && !updates(e.call) && !commands(e.run).some((x) => { const k = callOf(x); return k?.manager === 'apk' && k.action === 'update'; }));
      };
      ctx.report({
        range: nameThrough(call.command, call.actionWord),
        message: '`apk add` without --no-cache keeps the package index in the image; --no-cache also makes a separate `apk update` unnecessary.',
        fixes: [{ title: 'Add --no-cache', safe: !laterNeedsIndex(run, call, i), edits: [insertAfter(call.actionWord, '--no-cache')] }],
      });
    }
  },
});

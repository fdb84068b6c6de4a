import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { appendToRun, callOf, calls, commands, commandsAfter, fullyParsed, laterRuns, mountedCache, nameThrough, removesDir, shippedStages, templatedCommandIn } from '../shell/lint';

const LISTS = '/var/lib/apt/lists';

/**
 * `apt-get update` whose package lists stay in the layer. Only stages that end up in an image count (the last
 * stage and stages others are built FROM); a cache or tmpfs mount over the lists is understood.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3009', name: 'apt-lists-not-removed', kind: 'dockerfile', severity: 'info', fix: 'safe' },
  check(m, ctx) {
    const shipped = shippedStages(m);
    const withUpdate = new Set(calls(m, ['apt-get', 'apt']).filter(({ call }) => call.action === 'update').map((e) => e.run));
    for (const run of withUpdate) {
      if (run.stage && !shipped.has(run.stage) && !run.onbuild) continue;
      if (mountedCache(run, LISTS) || !fullyParsed(run)) continue;
      const cmds = commands(run);
      // the first update whose lists nothing removes after it: a removal before the update does not count
      const update = cmds.find((c) => {
        const call = callOf(c);
        if ((call?.manager !== 'apt-get' && call?.manager !== 'apt') || call.action !== 'update') return false;
        const later = commandsAfter(cmds, c);
        if (removesDir(later, LISTS) || templatedCommandIn(m, later)) return false;
        // `apt-get dist-clean` (apt 2.9+, Debian 13) removes the lists as well as the package cache
        return !later.some((l) => { const k = callOf(l); return (k?.manager === 'apt-get' || k?.manager === 'apt') && k.action === 'dist-clean'; });
      });
      if (!update) continue;
      const call = callOf(update)!;
      const edit = appendToRun(run, `rm -rf ${LISTS}/*`);
      // a later RUN that installs without its own update would find no lists: then the fix changes the build
      const needsLists = laterRuns(m, run).some((r) => {
        const rc = commands(r);
        const installs = rc.some((c) => { const k = callOf(c); return (k?.manager === 'apt-get' || k?.manager === 'apt') && k.action === 'install'; });
        const updates = rc.some((c) => { const k = callOf(c); return (k?.manager === 'apt-get' || k?.manager === 'apt') && k.action === 'update'; });
        return installs && !updates;
      });
      ctx.report({
        range: nameThrough(update, call.actionWord),
        message: `The package lists downloaded by \`${update.program} update\` stay in this layer; remove them in the same RUN (\`rm -rf ${LISTS}/*\`).`,
        fixes: edit ? [{ title: `Append \`&& rm -rf ${LISTS}/*\``, safe: !needsLists, edits: [edit] }] : undefined,
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls, earlierRuns, insertAfter, mentions, nameThrough } from '../shell/lint';

const NO_RECOMMENDS = /Install-Recommends\W+(0|false|no)\b/i;

/** apt-get install without --no-install-recommends pulls in recommended packages nobody asked for. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3015', name: 'apt-recommends-installed', kind: 'dockerfile', severity: 'info', fix: 'unsafe', aliases: ['DS-0029'] },
  check(m, ctx) {
    for (const { run, call } of calls(m, ['apt-get'])) {
      if (call.action !== 'install' || !call.actionWord) continue;
      if (call.options.some((o) => o.name === '--no-install-recommends')) continue;
      if (call.options.some((o) => (o.name === '-o' || o.name === '--option') && /^APT::Install-Recommends=(0|false|no)$/i.test(o.value ?? ''))) continue;
      if ([...earlierRuns(m, run), run].some((r) => mentions(r, NO_RECOMMENDS))) continue;
      ctx.report({
        range: nameThrough(call.command, call.actionWord),
        message: '`apt-get install` without --no-install-recommends also installs recommended packages, which makes the image bigger.',
        fixes: [{ title: 'Add --no-install-recommends', safe: false, edits: [insertAfter(call.actionWord, '--no-install-recommends')] }],
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls, nameThrough } from '../shell/lint';

/** zypper dist-upgrade in a build: the base image's distribution changes under the Dockerfile. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3035', name: 'zypper-dist-upgrade', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const { call } of calls(m, ['zypper'])) {
      if ((call.action !== 'dist-upgrade' && call.action !== 'dup') || !call.actionWord) continue;
      ctx.report({
        range: nameThrough(call.command, call.actionWord),
        message: '`zypper dist-upgrade` upgrades the whole distribution at build time; use a newer base image instead.',
      });
    }
  },
});

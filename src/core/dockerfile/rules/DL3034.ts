import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls, insertAfter, nameThrough } from '../shell/lint';

const PROMPTING = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup', 'install-new-recommends', 'inr'];

/** zypper install (or remove, update...) without -n / --non-interactive / -y: the build stops at a prompt. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3034', name: 'zypper-confirmation-prompt', kind: 'dockerfile', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    for (const { call } of calls(m, ['zypper'])) {
      if (!call.action || !PROMPTING.includes(call.action) || !call.actionWord) continue;
      if (call.options.some((o) => ['-n', '--non-interactive', '-y', '--no-confirm'].includes(o.name))) continue;
      ctx.report({
        range: nameThrough(call.command, call.actionWord),
        message: `\`zypper ${call.action}\` without --non-interactive (-n) waits for answers no one can give during a build.`,
        fixes: [{ title: 'Add --non-interactive', safe: true, edits: [insertAfter(call.command.name!, '--non-interactive')] }],
      });
    }
  },
});

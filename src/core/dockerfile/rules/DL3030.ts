import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls, insertAfter, nameThrough } from '../shell/lint';

const PROMPTING = ['install', 'groupinstall', 'localinstall', 'update', 'upgrade', 'remove', 'erase', 'reinstall', 'downgrade', 'groupupdate', 'groupremove', 'autoremove', 'swap', 'distro-sync'];

/** yum install (or update, remove...) without -y: the build stops at the confirmation prompt. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3030', name: 'yum-confirmation-prompt', kind: 'dockerfile', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    for (const { call } of calls(m, ['yum'])) {
      if (!call.action || !PROMPTING.includes(call.action) || !call.actionWord) continue;
      if (call.options.some((o) => o.name === '-y' || o.name === '--assumeyes' || (o.name === '--setopt' && /^assumeyes=(1|true|yes)$/i.test(o.value ?? '')))) continue;
      ctx.report({
        range: nameThrough(call.command, call.actionWord),
        message: `\`yum ${call.action}\` without -y waits for a confirmation no one can give during a build; add -y.`,
        fixes: [{ title: 'Add -y', safe: true, edits: [insertAfter(call.actionWord, '-y')] }],
      });
    }
  },
});

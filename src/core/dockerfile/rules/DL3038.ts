import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls, insertAfter, nameThrough } from '../shell/lint';

const PROMPTING = ['install', 'in', 'update', 'upgrade', 'up', 'remove', 'rm', 'erase', 'reinstall', 'downgrade', 'autoremove', 'swap', 'distro-sync', 'dsync'];

/** dnf / microdnf install (or update, remove...) without -y: the build stops at the confirmation prompt. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3038', name: 'dnf-confirmation-prompt', kind: 'dockerfile', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    for (const { call } of calls(m, ['dnf', 'microdnf'])) {
      if (!call.action || !PROMPTING.includes(call.action) || !call.actionWord) continue;
      // microdnf only asks with --assumeno; hadolint still expects -y for it, as does dnf
      if (call.options.some((o) => o.name === '-y' || o.name === '--assumeyes' || (o.name === '--setopt' && /^assumeyes=(1|true|yes)$/i.test(o.value ?? '')))) continue;
      ctx.report({
        range: nameThrough(call.command, call.actionWord),
        message: `\`${call.command.program} ${call.action}\` without -y waits for a confirmation no one can give during a build; add -y.`,
        // microdnf before its assumeyes support (rpm-software-management/microdnf#94, 2020) refuses -y (Oracle Linux 8's
        // still does): not safe for microdnf
        fixes: [{ title: 'Add -y', safe: call.manager !== 'microdnf', edits: [insertAfter(call.actionWord, '-y')] }],
      });
    }
  },
});

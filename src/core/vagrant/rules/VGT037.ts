import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import { pmCall, type PmCall } from '../../shell/packages';
import type { VagrantModel } from '../model';
import { provisionShells, reportShell } from '../shell';

const PROMPTING: Record<string, string[]> = {
  'apt-get': ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep', 'reinstall'],
  apt: ['install', 'upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'reinstall'],
  yum: ['install', 'update', 'upgrade', 'remove', 'erase', 'groupinstall', 'localinstall', 'reinstall'],
  dnf: ['install', 'in', 'update', 'upgrade', 'remove', 'erase', 'reinstall', 'groupinstall'],
  zypper: ['install', 'in', 'update', 'up', 'remove', 'rm', 'dist-upgrade', 'dup'],
};

function assumesYes(call: PmCall): boolean {
  let quiet = 0;
  for (const o of call.options) {
    if (['-y', '--yes', '--assume-yes', '--assumeyes', '-n', '--non-interactive', '--no-confirm', '--noconfirm'].includes(o.name)) return true;
    if (o.name === '-q' || o.name === '--quiet') quiet += o.value && /^\d+$/.test(o.value) ? Number(o.value) : 1;
    if ((o.name === '-o' || o.name === '--option') && o.value && /Assume-?Yes=(1|true|yes)$/i.test(o.value)) return true;
    if (['-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon', '--assumeno'].includes(o.name)) return true;
  }
  return (call.manager === 'apt-get' || call.manager === 'apt') && quiet >= 2;
}

/**
 * A package install (or upgrade, removal) in provisioning shell without -y: the package manager asks for a
 * confirmation, and since Vagrant runs the script without a terminal, the answer is "no" and provisioning fails
 * (apt-get: "Do you want to continue? [Y/n] Abort."; yum and dnf: "Operation aborted").
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT037', name: 'provision-install-prompts', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const s of provisionShells(m)) {
      if (/Assume-?Yes|assumeyes\s*=\s*(?:1|true)/i.test(s.source.text)) continue; // configured in the script itself
      for (const c of s.commands) {
        if (c.uncertain || c.argsFromStdin) continue;
        const call = pmCall(c);
        if (!call || !call.action || !call.actionWord || !PROMPTING[call.manager]?.includes(call.action)) continue;
        if (assumesYes(call)) continue;
        // `yes | apt-get install x` answers the prompt
        if (c.pipeline && c.pipeIndex > 0 && c.pipeline.elements.slice(0, c.pipeIndex).some((e) => e.command?.program === 'yes')) continue;
        const range: Range = { start: c.name!.range.start, end: call.actionWord.range.end };
        reportShell(s, range, `\`${call.manager} ${call.action}\` without -y asks for a confirmation, and Vagrant runs provisioning scripts without a terminal to answer it, so the step can abort ("Do you want to continue? [Y/n] Abort."). Add -y${call.manager === 'zypper' ? ' (zypper: --non-interactive before the command)' : ''}.`,
        (r) => ctx.report(r));
      }
    }
  },
});

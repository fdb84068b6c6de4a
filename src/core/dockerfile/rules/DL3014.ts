import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import type { RunInfo } from '../shell/analysis';
import { calls, earlierRuns, insertAfter, mentions, nameThrough } from '../shell/lint';
import type { PmCall } from '../../shell/packages';

const PROMPTING = ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep', 'reinstall'];

/** True when apt-get will not ask for confirmation: -y, --yes, --assume-yes, quiet level 2, or Assume-Yes configured. */
export function aptAssumesYes(call: PmCall): boolean {
  let quiet = 0;
  for (const o of call.options) {
    if (o.name === '-y' || o.name === '--yes' || o.name === '--assume-yes') return true;
    if (o.name === '-q' || o.name === '--quiet') quiet += o.value && /^\d+$/.test(o.value) ? Number(o.value) : 1;
    if ((o.name === '-o' || o.name === '--option') && o.value && /^APT::Get::Assume-Yes=(1|true|yes)$/i.test(o.value)) return true;
  }
  return quiet >= 2;
}

const ASSUME_YES = /Assume-Yes/i;

/** An earlier RUN (or this one) writes `APT::Get::Assume-Yes "true"` into the apt configuration. */
export function assumeYesConfigured(m: DockerfileModel, run: RunInfo): boolean {
  return mentions(run, ASSUME_YES) || earlierRuns(m, run).some((r) => mentions(r, ASSUME_YES));
}

/** apt-get install (or remove, upgrade...) without -y: the build stops at the confirmation prompt. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3014', name: 'apt-get-confirmation-prompt', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['DS-0021'] },
  check(m, ctx) {
    for (const { run, call } of calls(m, ['apt-get'])) {
      if (!call.action || !PROMPTING.includes(call.action) || !call.actionWord) continue;
      if (aptAssumesYes(call) || assumeYesConfigured(m, run)) continue;
      // a simulation changes nothing and never asks
      if (call.options.some((o) => ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act'].includes(o.name))) continue;
      ctx.report({
        range: nameThrough(call.command, call.actionWord),
        message: `\`apt-get ${call.action}\` without -y waits for a confirmation no one can give during a build; add -y.`,
        fixes: [{ title: 'Add -y', safe: true, edits: [insertAfter(call.actionWord, '-y')] }],
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import type { RunInfo } from '../shell/analysis';
import { callOf, calls, commands, laterRuns, nameThrough } from '../shell/lint';
import type { Manager, PmCall } from '../../shell/packages';

const FAMILY: Partial<Record<Manager, string>> = { 'apt-get': 'apt', apt: 'apt', apk: 'apk', zypper: 'zypper' };
const UPDATE: Record<string, string[]> = { apt: ['update'], apk: ['update'], zypper: ['refresh', 'ref'] };
const INSTALL: Record<string, string[]> = { apt: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep'], apk: ['add', 'upgrade'], zypper: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup'] };

function familyCalls(run: RunInfo): { fam: string; call: PmCall }[] {
  const out: { fam: string; call: PmCall }[] = [];
  for (const c of commands(run)) {
    const call = callOf(c);
    const fam = call && FAMILY[call.manager];
    if (call && fam) out.push({ fam, call });
  }
  return out;
}

function installsWithoutUpdate(run: RunInfo, fam: string): boolean {
  const cs = familyCalls(run).filter((x) => x.fam === fam);
  const installs = cs.some((x) => INSTALL[fam].includes(x.call.action ?? '') && !(fam === 'apk' && x.call.options.some((o) => o.name === '--no-cache' || o.name === '-U' || o.name === '--update-cache')));
  const updates = cs.some((x) => UPDATE[fam].includes(x.call.action ?? ''));
  return installs && !updates;
}

/**
 * A package-index update alone in its RUN, with the install in a later RUN: the update layer stays cached while the
 * install line changes, so the install works from a stale index (missing or outdated packages).
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR105', name: 'package-index-update-alone', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['DS-0017', 'CKV_DOCKER_5'] },
  check(m, ctx) {
    for (const run of new Set(calls(m, ['apt-get', 'apt', 'apk', 'zypper']).map((e) => e.run))) {
      if (run.onbuild) continue;
      const cs = familyCalls(run);
      for (const fam of new Set(cs.map((x) => x.fam))) {
        const mine = cs.filter((x) => x.fam === fam);
        const update = mine.find((x) => UPDATE[fam].includes(x.call.action ?? ''));
        if (!update || mine.some((x) => INSTALL[fam].includes(x.call.action ?? ''))) continue;
        const later = laterRuns(m, run).find((r) => installsWithoutUpdate(r, fam));
        if (!later) continue;
        ctx.report({
          range: nameThrough(update.call.command, update.call.actionWord),
          message: `\`${update.call.command.program} ${update.call.action}\` runs alone here while the install is in the RUN on line ${later.instruction.getRange().start.line + 1}; a cached update layer would feed it a stale index. Update and install in the same RUN.`,
          related: [{ message: 'the install that depends on it', range: later.instruction.getRange() }],
        });
      }
    }
  },
});

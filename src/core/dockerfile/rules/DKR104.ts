import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls, nameThrough } from '../shell/lint';
import type { Manager, PmCall } from '../../shell/packages';

/** Whole-system upgrade actions per manager; an upgrade of named packages is a targeted fix and is not reported. */
const UPGRADES: Partial<Record<Manager, string[]>> = {
  'apt-get': ['upgrade', 'dist-upgrade', 'full-upgrade'],
  apt: ['upgrade', 'dist-upgrade', 'full-upgrade'],
  apk: ['upgrade'],
  yum: ['update', 'upgrade', 'distro-sync'],
  dnf: ['update', 'upgrade', 'up', 'distro-sync', 'dsync'],
  microdnf: ['update', 'upgrade'],
  zypper: ['update', 'up', 'patch'],
};

function upgradesAll(c: PmCall): boolean {
  if (!c.action || !UPGRADES[c.manager]?.includes(c.action)) return false;
  // `dnf update --security` is a deliberate security patch run, not a blanket upgrade
  if (c.options.some((o) => ['--security', '--bugfix', '--advisory', '--advisories', '--cve', '--sec-severity', '--secseverity'].includes(o.name))) return false;
  return !c.operands.some((w) => !w.text.startsWith('-'));
}

/**
 * A whole-system package upgrade in a build (`apt-get upgrade`, `apk upgrade`, `yum update` without packages):
 * the image's content then depends on the day it was built. `zypper dist-upgrade` has its own rule (DL3035).
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR104', name: 'package-upgrade-in-build', kind: 'dockerfile', severity: 'info', fix: 'none', aliases: ['DS-0024'] },
  check(m, ctx) {
    for (const { call } of calls(m, Object.keys(UPGRADES) as Manager[])) {
      if (!upgradesAll(call) || !call.actionWord) continue;
      ctx.report({
        range: nameThrough(call.command, call.actionWord),
        message: `\`${call.command.program} ${call.action}\` upgrades every package at build time, so two builds of this file differ; rebuild on a newer base image (or upgrade only named packages).`,
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportMissingClean } from '../shell/lint';

/** zypper install without `zypper clean` in the same RUN keeps the package cache in the layer. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3036', name: 'zypper-cache-kept', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['DS-0020'] },
  check(m, ctx) {
    reportMissingClean(m, (r) => ctx.report(r), {
      managers: ['zypper'],
      installActions: ['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si'],
      cleanPrograms: ['zypper'],
      cleanActions: ['clean', 'cc'],
      cacheDirs: ['/var/cache/zypp'],
      cleanText: () => 'zypper clean --all',
      message: (c) => `\`zypper ${c.action}\` leaves its cache in this layer; end the RUN with \`zypper clean --all\`.`,
    });
  },
});

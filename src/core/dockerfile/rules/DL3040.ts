import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportMissingClean } from '../shell/lint';

/** dnf / microdnf install without `dnf clean all` in the same RUN keeps the metadata and package cache in the layer. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3040', name: 'dnf-cache-kept', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['DS-0019', 'DS-0027'] },
  check(m, ctx) {
    reportMissingClean(m, (r) => ctx.report(r), {
      managers: ['dnf', 'microdnf'],
      installActions: ['install', 'in', 'update', 'upgrade', 'up', 'reinstall', 'downgrade', 'distro-sync'],
      cleanPrograms: ['dnf', 'dnf5', 'tdnf', 'microdnf', 'yum'],
      cleanActions: ['clean'],
      cacheDirs: ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5', '/var/cache/tdnf'],
      cleanText: (c) => `${c.command.program} clean all`,
      message: (c) => `\`${c.command.program} ${c.action}\` leaves its cache in this layer; end the RUN with \`${c.command.program} clean all\`.`,
    });
  },
});

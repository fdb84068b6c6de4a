import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportMissingClean } from '../shell/lint';

/**
 * dnf / microdnf install without `dnf clean all` after it in the same RUN keeps the metadata and package cache in the
 * layer. A clean before the install, or the removal of another tool's cache directory, does not count.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3040', name: 'dnf-cache-kept', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['DS-0019', 'DS-0027'] },
  check(m, ctx) {
    reportMissingClean(m, (r) => ctx.report(r), {
      managers: ['dnf', 'microdnf'],
      installActions: ['install', 'in', 'update', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei', 'downgrade', 'distro-sync'],
      // each program cleans its own cache: `yum` is dnf where dnf is installed, microdnf keeps libdnf's cache in
      // /var/cache/yum, dnf 4 in /var/cache/dnf, dnf 5 in /var/cache/libdnf5, tdnf in /var/cache/tdnf
      cleanPrograms: (p) => (p.startsWith('tdnf') ? ['tdnf'] : p === 'microdnf' ? ['microdnf'] : [p, 'dnf', 'dnf5', 'dnf-3', 'yum']),
      cleanActions: ['clean'],
      cacheDirs: (p) => (p.startsWith('tdnf') ? ['/var/cache/tdnf'] : p === 'microdnf' ? ['/var/cache/yum', '/var/cache/libdnf5'] : ['/var/cache/dnf', '/var/cache/libdnf5']),
      cleanText: (c) => `${c.command.program} clean all`,
      message: (c) => `\`${c.command.program} ${c.action}\` leaves its cache in this layer; end the RUN with \`${c.command.program} clean all\`.`,
    });
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportMissingClean } from '../shell/lint';

/** yum install without `yum clean all` in the same RUN keeps the yum cache in the layer. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3032', name: 'yum-cache-kept', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['DS-0015'] },
  check(m, ctx) {
    reportMissingClean(m, (r) => ctx.report(r), {
      managers: ['yum'],
      installActions: ['install', 'groupinstall', 'localinstall', 'update', 'upgrade', 'reinstall', 'downgrade'],
      cleanPrograms: ['yum'],
      cleanActions: ['clean'],
      cacheDirs: ['/var/cache/yum'],
      cleanText: () => 'yum clean all',
      message: (c) => `\`yum ${c.action}\` leaves its cache in this layer; end the RUN with \`yum clean all\`.`,
    });
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportUnpinned } from '../shell/pinning';

/** apt-get install of a package without `=version`. `$VAR` lists, local .deb files and globs are not judged. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3008', name: 'apt-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['apt-get', 'apt'],
      message: (p, call) => `Pin the version of "${p.name}": \`${call.manager} install ${p.name}=<version>\` keeps rebuilds from picking up a different package.`,
    });
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportUnpinned } from '../shell/pinning';

/** yum install of a package without `-<version>`. RPM files, URLs, groups (`@x`), provides (`x(y)`) and `$VAR`s are not judged. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3033', name: 'yum-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['yum'],
      accept: (call) => call.action === 'install',
      message: (p) => `Pin the version of "${p.name}": \`yum install -y ${p.name}-<version>\`.`,
    });
  },
});

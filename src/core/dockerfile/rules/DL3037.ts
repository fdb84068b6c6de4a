import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { option } from '../../shell/packages';
import { reportUnpinned } from '../shell/pinning';

/** zypper install of a package without a version (`name=1.2`, `name>=1.2`). Patterns, patches, RPM files and `$VAR`s are not judged. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3037', name: 'zypper-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['zypper'],
      skipCall: (call) => {
        const t = option(call, '-t', '--type');
        return !!t && t.value !== 'package';
      },
      message: (p) => `Pin the version of "${p.name}": \`zypper install -y ${p.name}=<version>\`.`,
    });
  },
});

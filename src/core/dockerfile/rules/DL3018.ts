import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportUnpinned } from '../shell/pinning';

/** apk add of a package without `=version` (or `~version`, `>version`). Local .apk files and `$VAR`s are not judged; the `--virtual` name is not a package. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3018', name: 'apk-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['apk'],
      message: (p) => `Pin the version of "${p.name}": \`apk add ${p.name}=<version>\` (or \`~<major.minor>\` to follow patch releases).`,
    });
  },
});

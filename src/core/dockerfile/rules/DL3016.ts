import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportUnpinned } from '../shell/pinning';

/** npm install of a package without `@version` (or with a moving tag such as `@latest`). Folders, tarballs, git URLs and `$VAR`s are not judged. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3016', name: 'npm-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['npm'],
      message: (p) =>
        p.word.text.includes('@', 1)
          ? `"${p.word.text}" follows a moving tag; pin a version: \`npm install ${p.name}@<version>\`.`
          : `Pin the version of "${p.name}": \`npm install ${p.name}@<version>\`.`,
    });
  },
});

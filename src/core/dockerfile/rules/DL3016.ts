import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportUnpinned } from '../shell/pinning';

/** npm install of a package without `@version` (or with a moving tag such as `@latest`). A git URL needs a commit-ish (`#<commit>`). Folders, tarballs, other URLs and `$VAR`s are not judged. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3016', name: 'npm-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['npm'],
      message: (p) =>
        /^git(\+[a-z]+)?:\/\//.test(p.word.text)
          ? `"${p.word.text}" follows the repository's default branch; pin a commit: \`npm install ${p.word.text}#<commit>\`.`
          : p.word.text.includes('@', 1)
          ? `"${p.word.text}" follows a moving tag; pin a version: \`npm install ${p.name}@<version>\`.`
          : `Pin the version of "${p.name}": \`npm install ${p.name}@<version>\`.`,
    });
  },
});

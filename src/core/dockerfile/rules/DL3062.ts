import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportUnpinned } from '../shell/pinning';

/**
 * go install of a remote module path without `@version`, or with a moving query (`@latest`, `@master`).
 * Local packages (`./cmd/x`, `.`) follow go.mod and are not judged.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3062', name: 'go-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['go'],
      message: (p) =>
        p.word.text.includes('@')
          ? `"${p.word.text}" follows a moving reference; pin a version: \`go install ${p.name}@v<version>\`.`
          : `Pin the version of "${p.name}": \`go install ${p.name}@v<version>\`.`,
    });
  },
});

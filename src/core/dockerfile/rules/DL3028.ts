import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { option } from '../../shell/packages';
import { reportUnpinned } from '../shell/pinning';

/** gem install without `-v <version>` or `name:version`. Local .gem files and `$VAR`s are not judged. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3028', name: 'gem-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['gem'],
      skipCall: (call) => !!option(call, '-v', '--version', '-g', '--file'),
      message: (p) => `Pin the version of "${p.name}": \`gem install ${p.name}:<version>\` or \`gem install ${p.name} -v <version>\`.`,
    });
  },
});

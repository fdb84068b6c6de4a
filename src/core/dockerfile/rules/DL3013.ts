import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { envValue } from '../shell/lint';
import { option, packages } from '../../shell/packages';
import { reportUnpinned } from '../shell/pinning';

/**
 * pip (or pipx) install of a package without a version specifier. A VCS URL needs `@<tag or commit>`. Not judged: requirements or constraints files
 * (`-r`, `-c`, PIP_CONSTRAINT), a local project (`.`, `-e`), wheels, archives, URLs and `$VAR`s.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3013', name: 'pip-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['pip', 'pipx'],
      skipCall: (call, run) =>
        !!option(call, '-r', '--requirement', '-c', '--constraint', '-e', '--editable') ||
        !!envValue(run, call.command, 'PIP_CONSTRAINT')?.value ||
        packages(call).some((p) => p.status === 'unknown' && /^(\.|\/|~)/.test(p.word.text)),
      message: (p, call) =>
        /^(git|hg|svn|bzr)\+/.test(p.word.text)
          ? `"${p.word.text}" follows the repository's default branch; pin a tag or commit: \`${call.manager} install <url>@<tag>\`.`
          : call.manager === 'pipx'
          ? `Pin the version of "${p.name}": \`pipx install ${p.name}==<version>\`.`
          : `Pin the version of "${p.name}": \`pip install ${p.name}==<version>\`, or install from a requirements file with pinned versions.`,
    });
  },
});

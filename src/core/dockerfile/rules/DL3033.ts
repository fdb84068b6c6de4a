import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { reportUnpinned } from '../shell/pinning';
import { calls } from '../shell/lint';

/** yum install of a package without `-<version>`, and `yum module install` of a module without `:<stream>`. RPM files, URLs, groups (`@x`), provides (`x(y)`) and `$VAR`s are not judged. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3033', name: 'yum-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['yum'],
      accept: (call) => call.action === 'install',
      message: (p) => `Pin the version of "${p.name}": \`yum install -y ${p.name}-<version>\`.`,
    });
    // `yum module install name:stream` (as hadolint reads it: a module without `:` follows the default stream)
    for (const { call } of calls(m, ['yum'])) {
      if (call.action !== 'module' || call.operands[0]?.text !== 'install') continue;
      for (const w of call.operands.slice(1)) {
        if (!w.literal || w.text.includes(':') || w.text.startsWith('/') || w.text.startsWith('.')) continue;
        ctx.report({ range: w.range, message: `Pin the stream of module "${w.text}": \`yum module install ${w.text}:<stream>\`.` });
      }
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls } from '../shell/lint';
import { reportUnpinned } from '../shell/pinning';

/**
 * dnf / microdnf install of a package without `-<version>`, and `dnf module install` of a module without
 * `:<stream>`. RPM files, URLs, groups, provides and `$VAR`s are not judged.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3041', name: 'dnf-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    reportUnpinned(m, ctx, {
      managers: ['dnf', 'microdnf'],
      message: (p, call) => `Pin the version of "${p.name}": \`${call.command.program} install -y ${p.name}-<version>\`.`,
    });
    for (const { call } of calls(m, ['dnf', 'microdnf'])) {
      if (call.action !== 'module' || call.operands[0]?.text !== 'install') continue;
      for (const w of call.operands.slice(1)) {
        if (!w.literal || w.text.includes(':') || w.text.startsWith('/') || w.text.startsWith('.')) continue;
        ctx.report({ range: w.range, message: `Pin the stream of module "${w.text}": \`dnf module install ${w.text}:<stream>\`.` });
      }
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { commandsNamed, insertAfter, installedBefore } from '../shell/lint';
import { stagePlatform } from '../platform';
import { optionsOf } from '../../shell/options';
import { WGET } from '../../shell/tools';

/**
 * wget without --progress (or -q / -nv / an output log) fills the build log with a progress bar per download. GNU wget
 * only: BusyBox wget (Alpine, BusyBox images) has no --progress option (adding it fails the build), so those stages
 * are left alone unless GNU wget is installed in them (`apk add wget`).
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3047', name: 'wget-progress-noisy', kind: 'dockerfile', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    {
      for (const { run, cmd: c } of commandsNamed(m, 'wget')) {
        if (c.program !== 'wget' || !c.name) continue;
        const p = optionsOf(c.args, WGET);
        const quiet = p.options.some((o) =>
          ['--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output'].includes(o.name),
        );
        if (quiet || !p.operands.length) continue;
        // BusyBox wget: no progress option to add (and its output is short); GNU wget installed over it has one
        if (stagePlatform(m, run.stage).kind === 'busybox' && !installedBefore(m, run, c, ['wget'])) continue;
        ctx.report({
          range: c.name.range,
          message: 'wget draws a progress bar that floods the build log; use --progress=dot:giga, -nv or -q.',
          fixes: [{ title: 'Add --progress=dot:giga', safe: false, edits: [insertAfter(c.name, '--progress=dot:giga')] }],
        });
      }
    }
  },
});

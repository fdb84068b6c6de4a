import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { commandsNamed } from '../shell/lint';
import { parseOptions, type OptionSpec } from '../../shell/options';

const LN: OptionSpec = { shortValued: 'tS', longValued: ['--target-directory', '--suffix', '--backup'] };

/** `ln -sf /bin/bash /bin/sh` replaces the system shell for every later step and program; SHELL changes it for RUN only. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL4005', name: 'system-shell-replaced', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    {
      for (const { cmd: c } of commandsNamed(m, 'ln')) {
        if (c.program !== 'ln') continue;
        const p = parseOptions(c.args, LN);
        if (p.options.some((o) => o.name === '-t' || o.name === '--target-directory')) continue;
        const link = p.operands[p.operands.length - 1];
        if (p.operands.length < 2 || !link.literal || !/^\/(usr\/)?bin\/sh$/.test(link.text)) continue;
        ctx.report({
          range: link.range,
          message: `Replacing ${link.text} with a link changes the shell of the whole image; use SHELL to choose the shell for RUN.`,
        });
      }
    }
  },
});

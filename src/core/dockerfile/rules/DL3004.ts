import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { commandsNamed } from '../shell/lint';
import type { Word } from '../../shell/script';

/** sudo in RUN: build steps already run as the image's USER; sudo adds a setuid binary and TTY quirks. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3004', name: 'sudo-in-run', kind: 'dockerfile', severity: 'error', fix: 'none', aliases: ['DS-0010', 'CKV2_DOCKER_1'] },
  check(m, ctx) {
    {
      for (const { cmd: c } of commandsNamed(m, 'sudo')) {
        const words: Word[] = [];
        for (const w of c.wrappers) if (w.program === 'sudo') words.push(w.name);
        if (c.program === 'sudo' && c.name) words.push(c.name);
        for (const w of words) {
          ctx.report({
            range: w.range,
            message: 'Do not use sudo in RUN: switch users with USER, and run root-only steps before it (or use gosu at runtime).',
          });
        }
      }
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { copySpec, flagsOf } from '../instructions';
import { outputStages } from '../stages';

/**
 * COPY --from=stage / / in a stage that becomes an image: the whole filesystem of another stage lands in it. In a
 * build stage this is a common way to bring in a toolchain (tonistiigi/xx) and is left alone.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3067', name: 'copy-whole-filesystem', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const ins of outputStages(m).flatMap((s) => s.instructions)) {
      if (ins.getKeyword() !== 'COPY' || !flagsOf(ins).some((f) => f.getName() === 'from')) continue;
      const spec = copySpec(m, ins);
      const clean = (s: string): string => s.replace(/^["']|["']$/g, '');
      const root = spec.sources.find((s) => clean(s.text) === '/');
      if (!root || !spec.dest || clean(spec.dest.text) !== '/') continue;
      ctx.report({
        range: m.lines.rangeOf(root.start, spec.dest.end),
        message: 'This copies the entire filesystem of another stage onto this one; copy only the files the image needs.',
      });
    }
  },
});

import { defineRule } from '../../rule';
import { stageChain, type DockerfileModel } from '../model';
import { wordValue } from '../analysis';
import { copySpec } from '../instructions';
import { isAbsolutePath } from '../paths';
import { UNKNOWN } from '../variables';

/**
 * COPY to a relative destination in a stage where this file never set WORKDIR: the files land wherever the base
 * image's working directory happens to be. A stage built on scratch works in `/`, so that is not ambiguous.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3045', name: 'copy-relative-destination', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const stage of m.stages) {
      const chain = stageChain(stage);
      if (chain[chain.length - 1].scratch) continue;
      let workdir = chain.slice(1).some((s) => s.instructions.some((i) => i.getKeyword() === 'WORKDIR'));
      for (const ins of stage.instructions) {
        const kw = ins.getKeyword();
        if (kw === 'WORKDIR') workdir = true;
        if (kw !== 'COPY' || workdir) continue;
        const spec = copySpec(m, ins);
        const dest = spec.dest;
        if (!dest || (!spec.sources.length && !spec.heredocs.length)) continue;
        const raw = spec.json ? dest.text : m.text.slice(dest.start, dest.end);
        const value = wordValue(m, ins, dest, spec.json);
        if (!value || value.startsWith(UNKNOWN) || isAbsolutePath(value)) continue;
        ctx.report({
          range: m.lines.rangeOf(dest.start, dest.end),
          message: `COPY to the relative destination "${raw}" with no WORKDIR set in this stage: where the files land depends on the base image's working directory. Set WORKDIR first or use an absolute path.`,
        });
      }
    }
  },
});

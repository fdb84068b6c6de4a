import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { trigger } from '../instructions';

/** ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER: Docker refuses the image. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3043', name: 'onbuild-trigger-invalid', kind: 'dockerfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    for (const ins of m.instructions) {
      const t = trigger(ins);
      if (!t) continue;
      const kw = t.getKeyword();
      if (kw !== 'ONBUILD' && kw !== 'FROM' && kw !== 'MAINTAINER') continue;
      ctx.report({ range: t.getInstructionRange(), message: `ONBUILD cannot trigger ${kw}; Docker rejects it.` });
    }
  },
});

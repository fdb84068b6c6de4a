import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { flagsOf } from '../instructions';

/** COPY --from naming the stage it is in: a stage cannot copy from itself. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3023', name: 'copy-from-own-stage', kind: 'dockerfile', severity: 'error', fix: 'none', aliases: ['DS-0006'] },
  check(m, ctx) {
    for (const stage of m.stages) {
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'COPY') continue;
        const f = flagsOf(ins).find((x) => x.getName() === 'from');
        const v = f?.getValue();
        const vr = f?.getValueRange();
        if (!v || !vr) continue;
        const own = (stage.name !== undefined && v.toLowerCase() === stage.name) || (/^\d+$/.test(v) && Number(v) === stage.index);
        if (!own) continue;
        ctx.report({ range: vr, message: `COPY --from=${v} refers to the stage it is in; a stage can only copy from earlier stages or images.` });
      }
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { flagsOf } from '../instructions';
import { conditional, linesRenderedBefore } from '../../template/read';

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
        // in a template, a stage's number is known only when every FROM up to it is always rendered and nothing
        // before it may render more lines (`{{ template "dev" . }}` may render a stage of its own)
        const numbered = /^\d+$/.test(v) && !(m.template && indexUnsure(m, stage.index));
        const own = (stage.name !== undefined && v.toLowerCase() === stage.name) || (numbered && Number(v) === stage.index);
        if (!own) continue;
        ctx.report({ range: vr, message: `COPY --from=${v} refers to the stage it is in; a stage can only copy from earlier stages or images.` });
      }
    }
  },
});

function indexUnsure(m: DockerfileModel, index: number): boolean {
  const t = m.template!;
  const at = (k: number) => m.lines.offsetAt(m.stages[k].from.getRange().start);
  for (let k = 0; k <= index; k++) if (conditional(t, at(k))) return true;
  return linesRenderedBefore(t, at(index));
}

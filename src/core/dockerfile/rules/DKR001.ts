import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import type { TextEdit } from '../../finding';
import { flagsOf } from '../instructions';

/**
 * A stage name with capitals: Docker lower-cases stage names, so `FROM x AS Build` is `build` everywhere. The fix
 * lower-cases the name and every reference to it (FROM, COPY --from, RUN --mount from=).
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR001', name: 'stage-name-casing', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['StageNameCasing'] },
  check(m, ctx) {
    for (const stage of m.stages) {
      const text = stage.nameText;
      if (!text || !stage.nameRange || text === text.toLowerCase() || text.includes('$')) continue;
      const lower = text.toLowerCase();
      const edits: TextEdit[] = [{ range: stage.nameRange, newText: lower }];
      for (const later of m.stages.slice(stage.index + 1)) {
        if (later.image && later.image.raw.toLowerCase() === lower && later.image.raw !== lower) edits.push({ range: later.image.range, newText: lower });
        for (const ins of later.instructions) {
          for (const f of flagsOf(ins)) {
            if (f.getName() === 'from') {
              const v = f.getValue();
              const vr = f.getValueRange();
              if (v && vr && v.toLowerCase() === lower && v !== lower) edits.push({ range: vr, newText: lower });
            } else if (f.getName() === 'mount') {
              const o = f.getOption('from');
              const v = o?.getValue();
              const vr = o?.getValueRange();
              if (v && vr && v.toLowerCase() === lower && v !== lower) edits.push({ range: vr, newText: lower });
            }
          }
        }
      }
      ctx.report({
        range: stage.nameRange,
        message: `Stage name "${text}" has capitals; Docker treats it as "${lower}", so write it that way everywhere.`,
        fixes: [{ title: `Rename the stage to "${lower}"${edits.length > 1 ? ` (and ${edits.length - 1} reference${edits.length > 2 ? 's' : ''})` : ''}`, safe: true, edits }],
      });
    }
  },
});

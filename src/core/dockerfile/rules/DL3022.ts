import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { didYouMean } from '../../text';
import { flagsOf } from '../instructions';

/**
 * COPY --from names no earlier stage where it surely meant one: a stage defined later (Docker refuses), a stage index
 * that is not before this one, or a near-miss of a stage name (a typo). A name that matches no stage at all may be an
 * image (`busybox`) or a named build context (`--build-context templates=...`): that cannot be known, so it is not
 * reported (hadolint reports it).
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3022', name: 'copy-from-unknown-stage', kind: 'dockerfile', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    // names of the stages before the current one, grown as the loop goes (a slice per stage was quadratic)
    const seen = new Set<string>();
    const names: string[] = [];
    for (const stage of m.stages) {
      const before = m.stages[stage.index - 1]?.name;
      if (before && !seen.has(before)) {
        seen.add(before);
        names.push(before);
      }
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'COPY') continue;
        const f = flagsOf(ins).find((x) => x.getName() === 'from');
        const v = f?.getValue();
        const vr = f?.getValueRange();
        if (!f || !v || !vr || v.includes('$')) continue;
        const lower = v.toLowerCase();
        if (/^\d+$/.test(v)) {
          const n = Number(v);
          if (n > stage.index) {
            ctx.report({ range: vr, message: `COPY --from=${v}: stage ${n} is not defined before this one (stage ${stage.index}); Docker only copies from earlier stages.` });
          }
          continue;
        }
        if (seen.has(lower) || lower === stage.name || /[/:@]/.test(v)) continue;
        const later = m.stages.find((s) => s.index > stage.index && s.name === lower);
        if (later) {
          ctx.report({
            range: vr,
            message: `COPY --from=${v}: the stage "${v}" is defined later (line ${later.startLine + 1}); Docker only copies from stages defined before this one.`,
            related: [{ message: `stage "${v}"`, range: later.nameRange ?? later.from.getRange() }],
          });
          continue;
        }
        const hint = didYouMean(lower, names).filter((n) => n !== lower);
        if (!hint.length) continue;
        ctx.report({
          range: vr,
          message: `COPY --from=${v} names no stage; did you mean the stage "${hint[0]}"? As written, Docker looks for a build context "${v}" or pulls the image "${v}:latest".`,
          fixes: [{ title: `Copy from stage "${hint[0]}"`, safe: false, edits: [{ range: vr, newText: hint[0] }] }],
        });
      }
    }
  },
});

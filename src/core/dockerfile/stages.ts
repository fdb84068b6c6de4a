/** Which stages produce an image, and what a stage inherits from its in-file ancestors. */
import type { Instruction } from './syntax';
import { cached, stageChain, type DockerfileModel, type Stage } from './model';
import { flagsOf } from './instructions';

/**
 * Stages no other stage builds on or copies from: the final stage and any other stage that can only be a `--target`.
 * Stages used as a base (FROM name), a COPY --from source or a RUN --mount from= source are build helpers.
 */
export function outputStages(m: DockerfileModel): Stage[] {
  return cached(m, 'outputStages', () => {
    const used = new Set<Stage>();
    const byName = (v: string): Stage | undefined => {
      const lower = v.toLowerCase();
      if (/^\d+$/.test(v)) return m.stages[Number(v)];
      return m.stages.find((s) => s.name === lower);
    };
    for (const s of m.stages) {
      if (s.parent) used.add(s.parent);
      for (const ins of s.instructions) {
        for (const f of flagsOf(ins)) {
          const v = f.getName() === 'from' ? f.getValue() : f.getName() === 'mount' ? f.getOption('from')?.getValue() : undefined;
          const t = v ? byName(v) : undefined;
          if (t && t !== s) used.add(t);
        }
      }
    }
    const last = m.stages[m.stages.length - 1];
    return m.stages.filter((s) => s === last || !used.has(s));
  });
}

/** Instructions of a stage and its in-file ancestors, ancestors first. */
export function inherited(stage: Stage): Instruction[] {
  return stageChain(stage)
    .reverse()
    .flatMap((s) => s.instructions);
}

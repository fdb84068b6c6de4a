/** The version-pinning rules (DL3008, DL3013, DL3016, DL3018, DL3028, DL3033, DL3037, DL3041, DL3062) share this walk. */
import type { RuleContext } from '../../rule';
import type { DockerfileModel } from '../model';
import type { RunInfo } from './analysis';
import { calls } from './lint';
import { packages, type Manager, type PackageRef, type PmCall } from '../../shell/packages';

export interface PinOptions {
  managers: readonly Manager[];
  /** Skips a whole call (requirements files, constraints, a version option). */
  skipCall?: (call: PmCall, run: RunInfo) => boolean;
  /** The message for one unpinned package. */
  message: (p: PackageRef, call: PmCall) => string;
  /** Restricts to some install actions (`module install` for dnf is handled by the rule). */
  accept?: (call: PmCall) => boolean;
}

export function reportUnpinned(m: DockerfileModel, ctx: RuleContext, o: PinOptions): void {
  for (const { run, call } of calls(m, o.managers)) {
    if (o.accept && !o.accept(call)) continue;
    if (o.skipCall?.(call, run)) continue;
    for (const p of packages(call)) {
      if (p.status !== 'unpinned') continue;
      ctx.report({ range: p.word.range, message: o.message(p, call) });
    }
  }
}

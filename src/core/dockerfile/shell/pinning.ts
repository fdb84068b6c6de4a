/** The version-pinning rules (DL3008, DL3013, DL3016, DL3018, DL3028, DL3033, DL3037, DL3041, DL3062) share this walk. */
import type { RuleContext } from '../../rule';
import { isCommonImageEnv, analysis } from '../analysis';
import type { DockerfileModel } from '../model';
import { dockerfileShell, type RunInfo } from './analysis';
import { calls } from './lint';
import { classify, packages, type Manager, type PackageRef, type PmCall } from '../../shell/packages';
import type { Word } from '../../shell/script';

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
      if (p.status === 'unpinned') {
        ctx.report({ range: p.word.range, message: o.message(p, call) });
        continue;
      }
      if (p.word.literal) continue;
      const empty = emptyVersion(m, run, call, p.word);
      if (empty) ctx.report({ range: p.word.range, message: `${o.message(empty.ref, call)} ${empty.why}` });
    }
  }
}

const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * A package operand whose version comes only from variables that are certainly empty in this RUN: declared in the
 * Dockerfile (ENV or ARG in another stage, or a global ARG) but not visible in this stage, not set by the RUN itself,
 * and not a name base images commonly set. Docker does not carry ENV or ARG from one stage to another, and a RUN does
 * not see a global ARG the stage does not declare again, so `curl=${CURL_VERSION}` there installs an unpinned package
 * (or fails). Undefined when the operand is pinned after all, or when anything about it cannot be known.
 */
function emptyVersion(m: DockerfileModel, run: RunInfo, call: PmCall, w: Word): { ref: PackageRef; why: string } | undefined {
  if (run.onbuild || !w.text.includes('$')) return undefined;
  const declared = declaredNames(m);
  const ins = run.instruction;
  const r = ins.getRange();
  const insText = m.text.slice(m.lines.offsetAt(r.start), m.lines.offsetAt(r.end));
  const empties: string[] = [];
  const text = w.text.replace(REF, (whole, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare!;
    if (run.env.has(name) || !declared.has(name) || isCommonImageEnv(name)) return whole;
    // set by the RUN itself (`V=1 cmd`, `export V`, `read V`, `for V in`, a secret mount's env=V): not judged
    const mentions = insText.match(new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`, 'g'))?.length ?? 0;
    const refs = insText.match(new RegExp(`\\$\\{?${name}(?![A-Za-z0-9_])`, 'g'))?.length ?? 0;
    if (mentions !== refs) return whole;
    empties.push(name);
    return '';
  });
  if (!empties.length || /[$`]/.test(text) || !text) return undefined;
  const fake: Word = { start: w.start, end: w.end, raw: w.raw, text, literal: true, range: w.range };
  let ref = classify(call, fake);
  // the version part left empty: `curl=`, `httpd-`, `flask==`, `eslint@`, `rails:`
  const bare = /^(.*?)(===?|[=@:-])$/.exec(text);
  if (bare && bare[1]) ref = { word: w, status: 'unpinned', name: bare[1] };
  if (ref.status !== 'unpinned') return undefined;
  const names = [...new Set(empties)].map((n) => `$${n}`).join(', ');
  return {
    ref: { ...ref, word: w },
    why: `(${names} is empty in this stage: ENV and ARG values do not cross stages, and a global ARG needs \`ARG <name>\` again inside the stage.)`,
  };
}

/** Names declared by ENV or ARG anywhere in the file (stages and global scope). */
function declaredNames(m: DockerfileModel): Set<string> {
  const out = new Set<string>();
  for (const p of dockerfileShell(m).properties) out.add(p.name);
  for (const g of analysis(m).globalDecls) out.add(g.name);
  return out;
}

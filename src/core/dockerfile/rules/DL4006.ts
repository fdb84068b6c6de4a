import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import type { RunInfo } from '../shell/analysis';
import { commands, runs } from '../shell/lint';
import { download, readsScriptFromStdin } from '../../shell/tools';
import { stagePlatform } from '../platform';
import type { Command, Pipeline, ShellScript } from '../../shell/script';

/** Producers whose failure a pipe cannot hide in any way that matters. */
const HARMLESS = new Set(['echo', 'printf', 'yes', 'true', 'cat']);

function harmlessCommand(c: Command): boolean {
  if (!c.program || !HARMLESS.has(c.program)) return false;
  // `cat file | x` can fail on a missing file; `cat` alone (reading a heredoc or stdin) cannot
  return c.program !== 'cat' || c.args.length === 0;
}

/** Every element before the last only prints (`echo`, `printf`, or a `{ echo ...; }` group of them). */
function harmless(p: Pipeline, script: ShellScript): boolean {
  return p.elements.slice(0, -1).every((e) => {
    if (e.command) return harmlessCommand(e.command);
    const inside = script.commands.filter((c) => c.start >= e.start && c.end <= e.end);
    return inside.length > 0 && inside.every(harmlessCommand);
  });
}

/**
 * The pipe ends in a checksum check reading standard input (`grep … SHASUMS | sha256sum -c -`): when a producer fails,
 * the check sees no checksum line and fails itself, so no failure is hidden.
 */
function endsInChecksumCheck(p: Pipeline): boolean {
  const last = p.elements[p.elements.length - 1]?.command;
  if (!last?.program || !/^(sha(1|224|256|384|512)|md5|b2)sum$/.test(last.program)) return false;
  const args = last.args.map((a) => a.text);
  return args.some((a) => a === '-c' || a === '--check' || /^-[a-z]*c[a-z]*$/.test(a)) && args.filter((a) => !a.startsWith('-')).length === 0;
}

function protectedByScript(script: ShellScript, p: Pipeline): boolean {
  return script.pipefailFrom !== undefined && script.pipefailFrom <= p.start;
}

/** Scripts of a RUN with the shell-level pipefail that applies to each. */
function scriptsOf(run: RunInfo): { script: ShellScript; pipefail: boolean }[] {
  const out: { script: ShellScript; pipefail: boolean }[] = [];
  const add = (s: ShellScript, pf: boolean) => {
    out.push({ script: s, pipefail: pf || s.pipefailFrom === 0 });
    for (const n of s.nested) add(n, n.pipefailFrom === 0);
  };
  for (const s of run.scripts) {
    const hd = run.heredocs.find((h) => h.script === s);
    add(s, hd ? hd.kind === 'script' && run.shell.pipefail : run.form === 'shell' && run.shell.pipefail);
  }
  return out;
}

/**
 * A RUN with a pipe while the shell does not fail on a failing pipe member: `curl ... | tar x` succeeds even when
 * the download fails. Understood: SHELL with `-o pipefail`, `set -o pipefail` earlier in the script, `bash -o
 * pipefail -c`, pipes tested by `if`/`||`, and pipes fed only by echo/printf.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL4006', name: 'pipe-without-pipefail', kind: 'dockerfile', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    // one SHELL fix per stage: it covers every later RUN of the stage
    const fixedStages = new Set<unknown>();
    for (const run of runs(m)) {
      if (!run.analysable) continue;
      let first: { p: Pipeline; script: ShellScript } | undefined;
      let count = 0;
      for (const { script, pipefail } of scriptsOf(run)) {
        if (pipefail) continue;
        for (const p of script.pipelines) {
          if (p.uncertain || p.elements.length < 2 || !p.operators.length) continue;
          if (protectedByScript(script, p) || harmless(p, script) || endsInChecksumCheck(p)) continue;
          const head = p.elements[0].command ?? p.elements[p.elements.length - 1].command;
          if (head?.inCondition) continue;
          count++;
          first ??= { p, script };
        }
      }
      if (!first) continue;
      const op = first.p.operators[0];
      const ins = run.onbuild ?? run.instruction;
      const at = ins.getRange().start;
      const indent = m.lines.line(at.line).slice(0, at.character);
      // BusyBox images (Alpine) have no bash unless the file installs it; their ash knows -o pipefail
      const busybox = stagePlatform(m, run.stage).kind === 'busybox';
      const shellPath = busybox ? '/bin/ash' : '/bin/bash';
      const fix =
        run.form === 'shell' && first.script === run.line && !run.onbuild && !indent.trim() && !fixedStages.has(run.stage)
          ? [{ title: `Set SHELL ["${shellPath}", "-o", "pipefail", "-c"] before this RUN`, safe: false, edits: [{ range: { start: at, end: at }, newText: `SHELL ["${shellPath}", "-o", "pipefail", "-c"]\n${indent}` }] }]
          : undefined;
      if (fix) fixedStages.add(run.stage);
      // `curl … | sh`: DKR102 reports the unverified script on the interpreter; point at it rather than repeat it
      const p = first.p;
      const runner = commands(run).find(
        (c) => c.pipeline === p && c.pipeIndex > 0 && readsScriptFromStdin(c) && p.elements.slice(0, c.pipeIndex).some((e) => e.command && download(e.command)?.stdout),
      );
      ctx.report({
        related: runner ? [{ message: 'this pipe runs a downloaded script: a failed download still runs whatever arrived (see DKR102)', range: runner.range }] : undefined,
        range: first.p.source.range(op.start, op.end),
        message:
          `Without pipefail this pipe hides a failure of the commands before it${count > 1 ? ` (${count} pipes in this RUN)` : ''}; ` +
          (busybox
            ? 'set SHELL ["/bin/ash", "-o", "pipefail", "-c"] (BusyBox ash supports it), or `set -o pipefail` at the start of the script.'
            : 'set SHELL ["/bin/bash", "-o", "pipefail", "-c"] (or /bin/ash on Alpine), or `set -o pipefail` in a shell that supports it.'),
        fixes: fix,
      });
    }
  },
});

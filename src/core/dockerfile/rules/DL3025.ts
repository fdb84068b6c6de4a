import { defineRule } from '../../rule';
import { stageChain, type DockerfileModel, type Stage } from '../model';
import { argsSpan, execForm } from '../instructions';
import { stagePlatform } from '../platform';
import { jsonArray, simpleCommand } from '../shellform';
import type { Instruction } from '../syntax';

/** Programs that run as PID 1, reap children and forward signals to the command they start. */
const INITS = /^(tini|tini-static|dumb-init|catatonit|docker-init|init)$/;

/**
 * The init a CMD runs under: the program of the exec-form ENTRYPOINT in force at `cmd` (the last one before it in
 * its stage, else the last one of the stage it is built on) when that program is an init; undefined otherwise.
 */
function initEntrypoint(m: DockerfileModel, chain: readonly Stage[], cmd: Instruction): string | undefined {
  for (const [k, s] of chain.entries()) {
    const list = s.instructions.filter((i) => i.getKeyword() === 'ENTRYPOINT' && (k > 0 || i.getRange().start.line < cmd.getRange().start.line));
    const last = list[list.length - 1];
    if (!last) continue;
    const exec = execForm(m, last);
    const program = exec && exec !== 'invalid' ? exec.values[0] : undefined;
    const name = program?.split('/').pop() ?? '';
    return program && INITS.test(name) && (name !== 'init' || program === '/init') ? program : undefined;
  }
  return undefined;
}

/**
 * CMD or ENTRYPOINT in shell form: Docker runs it as `/bin/sh -c "..."`, so the shell is PID 1 and `docker stop`'s
 * SIGTERM never reaches the program (under an init ENTRYPOINT such as tini, the init signals the shell instead). A stage that sets SHELL chose a shell on purpose and is left alone.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3025', name: 'cmd-shell-form', kind: 'dockerfile', severity: 'warning', fix: 'unsafe', aliases: ['JSONArgsRecommended'] },
  check(m, ctx) {
    for (const stage of m.stages) {
      const chain = stageChain(stage);
      const platform = stagePlatform(m, stage);
      const windows = platform.os === 'windows';
      let shellSet = chain.slice(1).some((s) => s.instructions.some((i) => i.getKeyword() === 'SHELL'));
      const hasCmd = stage.instructions.some((i) => i.getKeyword() === 'CMD');
      for (const ins of stage.instructions) {
        const kw = ins.getKeyword();
        if (kw === 'SHELL') shellSet = true;
        if ((kw !== 'CMD' && kw !== 'ENTRYPOINT') || shellSet) continue;
        if (execForm(m, ins) !== undefined) continue;
        const span = argsSpan(m, ins);
        if (!span || !span.text.trim()) continue;
        if (/^\[\s*'/.test(span.text.trim())) continue; // a single-quoted array: DKR015 explains that one
        const end = span.start + span.text.trimEnd().length;
        const words = simpleCommand(m, span.start, end);
        const fixes = [];
        if (words) {
          // Never safe: without the shell, PID 1, signals and the environment the program sees change (and the
          // Windows shell or a CMD appended to an ENTRYPOINT change more).
          const unsafeWhy = windows ? ', without the Windows shell' : kw === 'ENTRYPOINT' && hasCmd ? ', with CMD as its arguments' : '';
          fixes.push({ title: `Convert to exec form ${jsonArray(words)}${unsafeWhy}`, safe: false, edits: [{ range: m.lines.rangeOf(span.start, end), newText: jsonArray(words) }] });
        }
        const init = kw === 'CMD' ? initEntrypoint(m, chain, ins) : undefined;
        const problem = init
          ? `${kw} in shell form runs as "/bin/sh -c" under ${init}: the init hands SIGTERM to the shell, not to the program the shell starts, so the program can be killed without a clean shutdown.`
          : `${kw} in shell form runs under "/bin/sh -c": the shell becomes PID 1 and does not pass SIGTERM on, so the container cannot stop cleanly.`;
        ctx.report({
          range: m.lines.rangeOf(span.start, end),
          message: platform.noShell
            ? `${kw} in shell form runs under "/bin/sh -c", and this image (${platform.reason}) has no /bin/sh: the container cannot start. Use the exec (JSON) form.`
            : windows
              ? `${kw} in shell form runs under "cmd /S /C": the program runs as a child of cmd instead of being the container's main process. Use the exec (JSON) form so the program itself is the main process.`
              : `${problem} Use the exec (JSON) form${words ? '' : ', with "exec" for a command that needs the shell'}.`,
          fixes,
        });
      }
    }
  },
});

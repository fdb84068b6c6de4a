import { defineRule } from '../../rule';
import { stageChain, type DockerfileModel } from '../model';
import { argsSpan, execForm } from '../instructions';
import { stagePlatform } from '../platform';
import { jsonArray, simpleCommand } from '../shellform';

/**
 * CMD or ENTRYPOINT in shell form: Docker runs it as `/bin/sh -c "..."`, so the shell is PID 1 and `docker stop`'s
 * SIGTERM never reaches the program. A stage that sets SHELL chose a shell on purpose and is left alone.
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
        ctx.report({
          range: m.lines.rangeOf(span.start, end),
          message: platform.noShell
            ? `${kw} in shell form runs under "/bin/sh -c", and this image (${platform.reason}) has no /bin/sh: the container cannot start. Use the exec (JSON) form.`
            : windows
              ? `${kw} in shell form runs under "cmd /S /C": the program runs as a child of cmd instead of being the container's main process. Use the exec (JSON) form so the program itself is the main process.`
              : `${kw} in shell form runs under "/bin/sh -c": the shell becomes PID 1 and does not pass SIGTERM on, so the container cannot stop cleanly. Use the exec (JSON) form${words ? '' : ', with "exec" for a command that needs the shell'}.`,
          fixes,
        });
      }
    }
  },
});

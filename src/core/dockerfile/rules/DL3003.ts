import { defineRule } from '../../rule';
import type { TextEdit } from '../../finding';
import type { DockerfileModel } from '../model';
import type { RunInfo } from '../shell/analysis';
import { commands, normalizeDir, removesDir, runs } from '../shell/lint';
import type { Command } from '../shell/script';

/**
 * `cd` in RUN where WORKDIR says it better. Not flagged: a `cd` scoped on purpose (subshell, `$( )`, function,
 * heredoc script), and a `cd` into a scratch directory the same RUN deletes or one under /tmp, where WORKDIR would
 * leave an empty directory behind.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3003', name: 'cd-instead-of-workdir', kind: 'dockerfile', severity: 'warning', fix: 'unsafe', aliases: ['DS-0013'] },
  check(m, ctx) {
    for (const run of runs(m)) {
      const cmds = commands(run);
      for (const c of cmds) {
        if (c.program !== 'cd' || !c.name) continue;
        if (c.inSubshell || c.inSubstitution || c.inFunction || c.script.kind === 'heredoc' || c.pipeline) continue;
        const target = c.args.find((a) => !a.text.startsWith('-') || a.text === '-');
        if (target && target.literal) {
          const dir = normalizeDir(target.text) ?? '';
          if (dir === '-' || dir === '/tmp' || dir.startsWith('/tmp/') || removesDir(cmds.filter((x) => x.start > c.start && x.script === c.script), dir)) continue;
        }
        const fix = workdirFix(m, run, c);
        ctx.report({
          range: c.name.range,
          message: 'Use WORKDIR to change directory; a `cd` only lasts for this RUN and hides where later steps run.',
          fixes: fix ? [{ title: `Replace with WORKDIR ${target?.text}`, safe: false, edits: fix }] : undefined,
        });
      }
    }
  },
});

/** `RUN cd /abs && rest` becomes `WORKDIR /abs` + `RUN rest` (unsafe: WORKDIR persists and creates the directory). */
function workdirFix(m: DockerfileModel, run: RunInfo, c: Command): TextEdit[] | undefined {
  const line = run.line;
  if (run.form !== 'shell' || run.onbuild || !line || c.script !== line || line.hasError) return undefined;
  if (line.commands[0] !== c || c.args.length !== 1 || c.assignments.length || c.wrappers.length || c.redirects.length) return undefined;
  const target = c.args[0];
  if (!target.literal || !target.text.startsWith('/') || /[\s"'\\$`]/.test(target.text)) return undefined;
  const next = line.commands[1];
  if (!next) return undefined;
  const between = line.source.text.slice(c.end, next.start);
  if (between.trim() !== '&&') return undefined;
  const ins = run.instruction;
  const insStart = ins.getRange().start;
  const indent = m.lines.line(insStart.line).slice(0, insStart.character);
  if (indent.trim()) return undefined;
  return [
    { range: { start: insStart, end: insStart }, newText: `WORKDIR ${target.text}\n${indent}` },
    { range: { start: c.range.start, end: next.range.start }, newText: '' },
  ];
}

import { defineRule } from '../../rule';
import type { TextEdit } from '../../finding';
import type { DockerfileModel } from '../model';
import type { RunInfo } from '../shell/analysis';
import { commands, normalizeDir, removesDir, runs } from '../shell/lint';
import type { Command } from '../../shell/script';

/**
 * A RUN that starts by changing directory: `WORKDIR` says the same thing once, visibly, for every later step.
 * Only a `cd` that opens the RUN is reported, because that is where WORKDIR is a drop-in replacement. Not reported:
 * a `cd` later in the RUN (into a build directory that is left or deleted again: WORKDIR could not replace it
 * without splitting the RUN into more layers), a scoped `cd` (subshell, `$( )`, function, heredoc script), and a
 * `cd` into /tmp or into a directory the same RUN deletes.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3003', name: 'cd-instead-of-workdir', kind: 'dockerfile', severity: 'warning', fix: 'unsafe', aliases: ['DS-0013'] },
  check(m, ctx) {
    for (const run of runs(m)) {
      const cmds = commands(run);
      const line = run.line;
      if (!line || run.form !== 'shell') continue;
      const first = line.commands.find((c) => !c.inSubstitution);
      if (!first || first.program !== 'cd' || !first.name || first.uncertain) continue;
      const c = first;
      if (c.inSubshell || c.inFunction || c.pipeline || c.background) continue;
      const target = c.args.find((a) => !a.text.startsWith('-') || a.text === '-');
      if (!target) continue;
      if (target.literal) {
        const dir = normalizeDir(target.text) ?? '';
        if (dir === '-' || dir === '/' || dir === '/tmp' || run.mounts.some((mt) => normalizeDir(mt.target) === dir) || dir.startsWith('/tmp/') || removesDir(cmds.filter((x) => x.start > c.start && x.script === c.script), dir)) continue;
      }
      const fix = workdirFix(m, run, c);
      ctx.report({
        range: c.name!.range,
        message: `This RUN starts with \`cd ${target.text}\`; WORKDIR ${target.text} states the directory once for this and later steps.`,
        fixes: fix ? [{ title: `Replace with WORKDIR ${target.text}`, safe: false, edits: fix }] : undefined,
      });
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
  // the deletion would take a comment line inside the continued RUN with it
  for (let l = c.range.start.line + 1; l < next.range.start.line; l++) if (/^\s*#/.test(m.lines.line(l))) return undefined;
  const ins = run.instruction;
  const insStart = ins.getRange().start;
  const indent = m.lines.line(insStart.line).slice(0, insStart.character);
  if (indent.trim()) return undefined;
  return [
    { range: { start: insStart, end: insStart }, newText: `WORKDIR ${target.text}\n${indent}` },
    { range: { start: c.range.start, end: next.range.start }, newText: '' },
  ];
}

import type { Instruction } from './syntax';
import type { RuleContext } from '../rule';
import type { DockerfileModel } from './model';
import type { TextEdit } from '../finding';

/** The edit that deletes whole lines of an instruction (when nothing else shares them). */
export function deleteInstruction(m: DockerfileModel, ins: Instruction): TextEdit | undefined {
  const r = ins.getRange();
  const start = m.lines.offsetAt({ line: r.start.line, character: 0 });
  if (m.text.slice(start, m.lines.offsetAt(r.start)).trim()) return undefined;
  const endLine = r.end.line;
  if (m.lines.line(endLine).slice(r.end.character).trim()) return undefined;
  const end = endLine + 1 < m.lines.lineCount ? m.lines.offsetAt({ line: endLine + 1, character: 0 }) : m.text.length;
  return { range: m.lines.rangeOf(start, end), newText: '' };
}

/** Reports each repeated instruction of a stage (hadolint's position: the later one), offering to delete the one it overrides. */
export function repeatedInStage(m: DockerfileModel, ctx: RuleContext, keyword: string): void {
  for (const stage of m.stages) {
    let prev: Instruction | undefined;
    for (const ins of stage.instructions) {
      if (ins.getKeyword() !== keyword) continue;
      if (prev) {
        const line = prev.getRange().start.line + 1;
        const del = deleteInstruction(m, prev);
        ctx.report({
          range: ins.getInstructionRange(),
          message: `A second ${keyword} in this stage: only the last one takes effect, so the ${keyword} on line ${line} does nothing.`,
          related: [{ message: `the ${keyword} this one overrides`, range: prev.getRange() }],
          fixes: del ? [{ title: `Remove the overridden ${keyword} on line ${line}`, safe: true, edits: [del] }] : [],
        });
      }
      prev = ins;
    }
  }
}

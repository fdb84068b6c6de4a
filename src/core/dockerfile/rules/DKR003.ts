import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { heredocsOf } from '../instructions';

/**
 * An empty line inside a continued instruction: Docker skips it with a warning today and plans to make it an error.
 * Usually a forgotten `\` or a stray blank line; the fix removes the blank lines.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR003', name: 'continuation-line-empty', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['NoEmptyContinuation'] },
  check(m, ctx) {
    for (const ins of m.instructions) {
      const r = ins.getRange();
      if (r.end.line === r.start.line) continue;
      // heredoc bodies may hold empty lines
      let last = r.end.line;
      for (const h of heredocsOf(ins)) {
        // a heredoc opener the parser could not finish (`<<EOF` then a lone CR) has no name range: the body's
        // extent is unknown, so nothing after the instruction's first line is checked
        const nr = h.getNameRange() as ReturnType<typeof h.getNameRange> | null | undefined;
        last = Math.min(last, nr ? nr.start.line : r.start.line);
      }
      let line = r.start.line + 1;
      while (line <= last) {
        if (m.lines.line(line).trim()) {
          line++;
          continue;
        }
        const first = line;
        while (line + 1 <= last && !m.lines.line(line + 1).trim()) line++;
        if (line >= last && line === r.end.line) break; // trailing blank lines are not part of the instruction's text
        const start = m.lines.offsetAt({ line: first, character: 0 });
        const end = m.lines.offsetAt({ line: line + 1, character: 0 });
        const n = line - first + 1;
        ctx.report({
          range: { start: { line: first, character: 0 }, end: { line: first, character: m.lines.line(first).length } },
          message: `${n > 1 ? `${n} empty lines` : 'An empty line'} inside the continued ${ins.getKeyword()} starting on line ${r.start.line + 1}: Docker skips ${n > 1 ? 'them' : 'it'} with a warning and will refuse ${n > 1 ? 'them' : 'it'} in a future release.`,
          fixes: [{ title: `Remove the empty line${n > 1 ? 's' : ''}`, safe: true, edits: [{ range: m.lines.rangeOf(start, end), newText: '' }] }],
        });
        line++;
      }
    }
  },
});

import { DockerfileParser, type From, type Instruction } from 'dockerfile-ast';
import { LineIndex } from '../text';
import type { DockerfileModel, Stage } from './model';

export function parseDockerfile(text: string): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const lines = new LineIndex(text);
  const instructions = ast.getInstructions();
  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.getKeyword() === 'FROM') {
      const from = ins as From;
      const prev = stages[stages.length - 1];
      const line = ins.getRange().start.line;
      if (prev) prev.endLine = line - 1;
      stages.push({
        index: stages.length,
        from,
        name: from.getBuildStage()?.toLowerCase() ?? undefined,
        instructions: [ins],
        startLine: line,
        endLine: lines.lineCount - 1,
      });
    } else if (stages.length) stages[stages.length - 1].instructions.push(ins);
    else preamble.push(ins);
  }
  const comments = ast.getComments().map((c) => ({
    line: c.getRange().start.line,
    text: c.getContent(),
    range: c.getRange(),
  }));
  // dockerfile-ast takes any `# word=value` comment at the top for a parser directive; BuildKit knows only
  // syntax, escape and check. The others (`# hadolint ignore=...`, `# devops-guidance ignore=...`) are comments.
  const directives: DockerfileModel['directives'] = [];
  for (const d of ast.getDirectives()) {
    const name = d.getName().toLowerCase();
    if (name === 'syntax' || name === 'escape' || name === 'check') {
      directives.push({ name, value: d.getValue(), range: d.getRange(), valueRange: d.getValueRange() });
    } else {
      const r = d.getRange();
      const line = lines.line(r.start.line);
      comments.push({ line: r.start.line, text: line.replace(/^\s*#\s?/, ''), range: { start: r.start, end: { line: r.start.line, character: line.length } } });
    }
  }
  comments.sort((a, b) => a.line - b.line);
  return { text, lines, ast, instructions, preamble, stages, comments, directives };
}

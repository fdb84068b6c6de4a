import { defineMycnfRule, fix } from '../report';

/** A line the server cannot read as an option: a blank inside the name (a missing `=`) or no name at all. */
export default defineMycnfRule({
  meta: { code: 'MYC008', name: 'option-line-malformed', severity: 'error', fix: 'unsafe' },
  check(m, report) {
    for (const x of m.malformed) {
      const src = m.sources[x.source];
      const l = src.lines.line(x.line);
      if (x.reason === 'empty-name') {
        report(x, x.range, 'This line has a value but no option name; the server reads it as an unknown option and refuses to start.');
        continue;
      }
      const text = l.slice(x.range.start.character, x.range.end.character);
      const hasEquals = l.slice(x.range.end.character).trimStart().startsWith('=');
      if (hasEquals) {
        report(x, x.range, `Option names have no blanks: the server reads \`${text}\` as one unknown name and refuses to start.`);
        continue;
      }
      const mm = /^([^\s:]+):?\s+(.*)$/.exec(text)!;
      const name = mm ? mm[1] : text.split(/\s+/)[0];
      const value = mm ? mm[2] : text.slice(name.length).trim();
      report(x, x.range, `Without \`=\` the server reads all of \`${text}\` as one option name and refuses to start ("unknown option"). Write \`${name} = ${value}\`.`, {
        fixes: [fix(`Write ${name} = ${value}`, false, { range: x.range, newText: `${name} = ${value}` })],
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix } from '../report';

/** A line the server cannot read as an option: a blank inside the name (a missing `=`) or no name at all. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC008', name: 'option-line-malformed', kind: 'mycnf', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    for (const x of m.malformed) {
      const src = m.sources[x.source];
      const l = src.lines.line(x.line);
      if (x.reason === 'empty-name') {
        ctx.report({
          input: x.source,
          range: x.range,
          message: 'This line has a value but no option name; the server reads it as an unknown option and refuses to start.',
        });
        continue;
      }
      const text = l.slice(x.range.start.character, x.range.end.character);
      const hasEquals = l.slice(x.range.end.character).trimStart().startsWith('=');
      if (hasEquals) {
        ctx.report({
          input: x.source,
          range: x.range,
          message: `Option names have no blanks: the server reads \`${text}\` as one unknown name and refuses to start.`,
        });
        continue;
      }
      const mm = /^([^\s:]+):?\s+(.*)$/.exec(text)!;
      const name = mm ? mm[1] : text.split(/\s+/)[0];
      const value = mm ? mm[2] : text.slice(name.length).trim();
      ctx.report({
        input: x.source,
        range: x.range,
        message: `Without \`=\` the server reads all of \`${text}\` as one option name and refuses to start ("unknown option"). Write \`${name} = ${value}\`.`,
        fixes: [fix(`Write ${name} = ${value}`, false, { range: x.range, newText: `${name} = ${value}` })],
      });
    }
  },
});

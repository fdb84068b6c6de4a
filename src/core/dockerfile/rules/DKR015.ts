import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { argsSpan, execForm, withTriggers } from '../instructions';

/**
 * `CMD ['a', 'b']`: JSON needs double quotes, so Docker does not see an exec form and runs the text with /bin/sh,
 * which fails on the brackets. The fix writes the array with double quotes.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR015', name: 'exec-form-single-quotes', kind: 'dockerfile', severity: 'error', fix: 'safe' },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      const kw = ins.getKeyword();
      if (!['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME'].includes(kw)) continue;
      if (execForm(m, ins) !== undefined) continue;
      const span = argsSpan(m, ins);
      if (!span) continue;
      const t = span.text.trimEnd();
      if (!/^\[\s*'/.test(t) || !t.endsWith(']')) continue;
      const inner = t.slice(1, -1);
      const items: string[] = [];
      const re = /\s*'((?:[^'\\]|\\.)*)'\s*(,|$)/y;
      let pos = 0;
      let ok = true;
      while (pos < inner.length) {
        re.lastIndex = pos;
        const mm = re.exec(inner);
        if (!mm) {
          ok = false;
          break;
        }
        items.push(mm[1].replace(/\\'/g, "'"));
        pos = re.lastIndex;
        if (!mm[2]) break;
      }
      const range = m.lines.rangeOf(span.start, span.start + t.length);
      const fixed = `[${items.map((v) => JSON.stringify(v)).join(', ')}]`;
      ctx.report({
        range,
        message: `${kw} ${t.length > 40 ? 'array' : t} uses single quotes, which JSON does not allow: Docker reads it as a shell command, not an exec-form array. Use double quotes.`,
        fixes: ok && items.length && !/\n/.test(t) ? [{ title: `Write ${fixed}`, safe: true, edits: [{ range, newText: fixed }] }] : [],
      });
    }
  },
});

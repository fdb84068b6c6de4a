import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { expandedUses } from '../analysis';

/**
 * `${x:=y}` and other substitutions Docker does not support (it knows `-`, `+`, `?` with or without `:`, and the
 * pattern forms `#`, `##`, `%`, `%%`, `/`, `//`): the build fails. `${x:-y}` is probably what was meant.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR011', name: 'variable-modifier-unsupported', kind: 'dockerfile', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    for (const u of expandedUses(m)) {
      for (const r of u.x.refs) {
        if (!r.unsupported || !r.modifier) continue;
        const text = m.text.slice(r.start, r.end);
        const modStart = r.nameEnd;
        const modEnd = modStart + r.modifier.length;
        const fixable = r.modifier === ':=' || r.modifier === '=';
        const repl = r.modifier === ':=' ? ':-' : '-';
        ctx.report({
          range: m.lines.rangeOf(r.start, r.end),
          message: `"${text}": Docker does not support the "${r.modifier}" modifier in ${u.ins.getKeyword()} (only -, +, ? with or without ":", and #, %, /), so the build fails${fixable ? `; "${repl}" gives the default without assigning it` : ''}.`,
          fixes: fixable ? [{ title: `Use "${repl}"`, safe: false, edits: [{ range: m.lines.rangeOf(modStart, modEnd), newText: repl }] }] : [],
        });
      }
    }
  },
});

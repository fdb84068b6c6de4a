import { didYouMean } from '../../text';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix } from '../report';
import { MAX_INCLUDE_DEPTH } from '../parse';
import { compareVersions, flavorOf, seriesOf } from '../groups';

/** A directive the server rejects, ignores or stops following. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC003', name: 'include-directive-invalid', kind: 'mycnf', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    for (const d of m.directives) {
      const t = m.target.target;
      // 11.8.9 reads `?includedir` as a directive too (checked: a missing folder stops it, "Can't read dir")
      if (d.optional && !(flavorOf(t) === 'mariadb' && compareVersions(seriesOf(t), '11.4') >= 0)) {
        ctx.report({
          input: d.source,
          range: d.keywordRange,
          message: `\`${d.keyword}\` exists only in MariaDB 11.4.10 and later; the target (${m.target.target}) reads this line as an option and refuses to start. Use \`!${d.keyword.slice(1)}\`.`,
          fixes: [fix(`Use !${d.keyword.slice(1)}`, false, { range: { start: d.keywordRange.start, end: { line: d.line, character: d.keywordRange.start.character + 1 } }, newText: '!' })],
        });
        continue;
      }
      switch (d.status) {
        case 'missing-path':
          ctx.report({
            input: d.source,
            range: d.range,
            message: `\`${d.keyword}\` without a path: the server stops reading options here ("Wrong '${d.keyword}' directive") and refuses to start.`,
          });
          break;
        case 'unknown-directive': {
          const word = d.keyword.slice(1);
          const s = didYouMean(word.toLowerCase(), ['include', 'includedir'], 3);
          const exact = ['include', 'includedir'].find((k) => k === word.toLowerCase());
          const sugg = exact ?? s[0];
          ctx.report({
            input: d.source,
            range: d.keywordRange,
            message: `The server does not know \`${d.keyword}\` and silently ignores the line${sugg ? `; directives are lower case and followed by a blank: \`!${sugg}\`` : ''}.`,
            severity: 'warning',
            fixes: sugg ? [fix(`Change to !${sugg}`, false, { range: d.keywordRange, newText: `!${sugg}` })] : undefined,
          });
          break;
        }
        case 'depth':
          ctx.report({
            input: d.source,
            range: d.keywordRange,
            message: `Includes nest more than ${MAX_INCLUDE_DEPTH} levels deep here; the server skips this directive with a warning, so its options are never read.`,
            severity: 'warning',
          });
          break;
        case 'cycle':
          ctx.report({
            input: d.source,
            range: d.pathRange ?? d.range,
            message: `${d.path} is already being read (the includes form a loop). The server has no loop check: it reads the files again and again until the ${MAX_INCLUDE_DEPTH}-level limit. Remove the circular include.`,
            severity: 'warning',
          });
          break;
      }
    }
  },
});

import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix } from '../report';

/** A group header the server rejects or reads differently than it looks. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC005', name: 'group-header-malformed', kind: 'mycnf', severity: 'error', fix: 'safe' },
  check(m, ctx) {
    for (const g of m.groups) {
      if (!g.closed) {
        ctx.report({
          input: g.source,
          range: g.range,
          message: `The group header has no closing \`]\`: the server stops here ("Wrong group definition") and refuses to start.`,
          fixes: [fix('Add the closing ]', true, { range: { start: g.nameRange.end, end: g.nameRange.end }, newText: ']' })],
        });
        continue;
      }
      if (!g.name.trim()) {
        ctx.report({ input: g.source, range: g.range, message: 'An empty group name: no program reads the options under it.', severity: 'warning' });
        continue;
      }
      if (g.name !== g.name.trimStart()) {
        const trimmed = g.name.trimStart();
        ctx.report({
          input: g.source,
          range: g.nameRange,
          message: `The server keeps the blank at the start of a group name: this is a group called "${g.name}", which no program reads, not [${trimmed}].`,
          severity: 'warning',
          fixes: [fix(`Change to [${trimmed}]`, false, { range: g.nameRange, newText: trimmed })],
        });
      }
      if (g.trailing) {
        const looksLikeOption = /^[\w.-]+\s*(=|$)/.test(g.trailing.text);
        ctx.report({
          input: g.source,
          range: g.trailing.range,
          message: `The server ignores everything after \`]\`${looksLikeOption ? `, so \`${g.trailing.text}\` is never read` : ''}. Put it on its own line${looksLikeOption ? '' : ' or make it a # comment'}.`,
          severity: 'warning',
          fixes: looksLikeOption ? [fix('Move it to its own line', false, { range: { start: g.range.end, end: g.trailing.range.end }, newText: `\n${g.trailing.text}` })] : undefined,
        });
      }
    }
  },
});

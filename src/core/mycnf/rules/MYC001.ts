import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix, insertLineBefore } from '../report';

/** An option before any [group]: the server refuses the whole file. A header-less file is read as a fragment. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC001', name: 'option-before-group', kind: 'mycnf', severity: 'error', fix: 'safe' },
  check(m, ctx) {
    for (const src of m.sources) {
      if (!src.bom) continue;
      const first = src.lines.line(0);
      const end = Math.max(1, first.trimEnd().length);
      ctx.report({
        input: src.id,
        range: { start: { line: 0, character: first.length > 1 ? 1 : 0 }, end: { line: 0, character: end } },
        message: 'The file starts with a UTF-8 byte-order mark. The server reads it as an option before any group and refuses to start ("Found option without preceding group"); save the file without a BOM.',
        fixes: [fix('Remove the byte-order mark', true, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: '' })],
      });
    }
    const firstBySource = new Map<number, { first: (typeof m.orphans)[number]; count: number }>();
    for (const o of m.orphans) {
      const e = firstBySource.get(o.source);
      if (e) e.count++;
      else firstBySource.set(o.source, { first: o, count: 1 });
    }
    for (const { first, count } of firstBySource.values()) {
      const more = count > 1 ? ` (with ${count - 1} more line${count > 2 ? 's' : ''} before the first header)` : '';
      ctx.report({
        input: first.source,
        range: first.nameRange,
        message: `\`${first.text}\` comes before any [group] header${more}. The server refuses the whole file ("Found option without preceding group"); put it under the group it is meant for, such as [mysqld].`,
        fixes: [fix('Add a [mysqld] header above it', false, insertLineBefore(first.line, '[mysqld]'))],
      });
    }
    if (m.fragment) {
      const first = m.options.find((o) => o.source === 0);
      if (first) {
        ctx.report({
          input: first.source,
          range: first.nameRange,
          message: 'This file has no [group] header, so it is checked as a fragment of [mysqld] (the way Vitess assembles its configuration). A server reading it directly, or through !include, refuses it; add [mysqld] at the top if it is a complete option file.',
          severity: 'info',
          fixes: [fix('Add a [mysqld] header at the top', false, insertLineBefore(first.line, '[mysqld]'))],
        });
      }
    }
  },
});

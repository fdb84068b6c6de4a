import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { isAbsolutePath } from '../paths';

/** An !include / !includedir target that cannot be read: its options are not checked. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC002', name: 'include-unreadable', kind: 'mycnf', severity: 'info', fix: 'none' },
  check(m, ctx) {
    for (const d of m.directives) {
      if ((d.status !== 'unreadable' && d.status !== 'not-followed' && d.status !== 'outside') || d.optional || !d.pathRange) continue;
      const what = d.kind === 'includedir' ? 'folder' : 'file';
      if (d.status === 'outside') {
        ctx.report({
          input: d.source,
          range: d.pathRange,
          message: `The ${what} ${d.path} is not followed (outside the project), so its options are not checked and the rules that need the whole configuration stay quiet. Lint it on its own, or widen the project root (CLI: --include-root).`,
        });
        continue;
      }
      const relative = !isAbsolutePath(d.path!);
      let where = '';
      if (d.status === 'not-followed') where = relative ? ' (a relative path is relative to the server\'s working folder, which is unknown here)' : '';
      else if (relative) where = ` (a relative path is relative to the server's working folder; it was looked up beside this file, as ${d.resolved})`;
      const server = d.kind === 'includedir' ? 'The server refuses to start when the folder is missing.' : 'A missing file is skipped by the server.';
      ctx.report({
        input: d.source,
        range: d.pathRange,
        message: `The ${what} ${d.path} cannot be read here${where}, so its options are not checked and the rules that need the whole configuration stay quiet. ${server}`,
      });
    }
  },
});

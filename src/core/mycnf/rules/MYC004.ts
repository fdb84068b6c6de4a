import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

const CONFIG_LIKE = /\.(conf|ini|cfg|cnf[._-]?\w*|my\.cnf|CNF)$/;

/** Files in an !includedir folder that the server skips because their names do not end in .cnf. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC004', name: 'includedir-file-skipped', kind: 'mycnf', severity: 'info', fix: 'none' },
  check(m, ctx) {
    for (const d of m.directives) {
      if (d.kind !== 'includedir' || !d.skipped || !d.pathRange) continue;
      const files = d.skipped.filter((f) => CONFIG_LIKE.test(f) && !f.endsWith('.cnf'));
      if (!files.length) continue;
      const list = files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '');
      ctx.report({
        input: d.source,
        range: d.pathRange,
        message: `The server reads only files ending in .cnf from this folder, so it skips ${list}. Rename ${files.length > 1 ? 'them' : 'it'} to .cnf if ${files.length > 1 ? 'they hold' : 'it holds'} settings the server should read.`,
      });
    }
  },
});

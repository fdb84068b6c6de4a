import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix } from '../report';
import { suggestTarget } from '../target';
import { MYSQL_TARGETS } from '../targets';

/** `# devops-guidance target=mysql-8` names no target we know: the comment is ignored. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC013', name: 'target-comment-invalid', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const bad = m.target.invalidComment;
    if (!bad) return;
    const s = suggestTarget(bad.value);
    ctx.report({
      range: bad.range,
      message: `"${bad.value}" is not a target; use one of ${MYSQL_TARGETS.join(', ')}. The comment is ignored, and the file is checked for ${m.target.target} (${m.target.reason}).`,
      fixes: s.slice(0, 2).map((x) => fix(`Change to ${x}`, false, { range: bad.range, newText: x })),
    });
  },
});

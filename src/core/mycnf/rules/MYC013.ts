import { defineMycnfRule, fix } from '../report';
import { suggestTarget } from '../target';
import { MYSQL_TARGETS } from '../targets';

/** `# devops-guidance target=mysql-8` names no target we know: the comment is ignored. */
export default defineMycnfRule({
  meta: { code: 'MYC013', name: 'target-comment-invalid', severity: 'warning', fix: 'unsafe' },
  check(m, report) {
    const bad = m.target.invalidComment;
    if (!bad) return;
    const s = suggestTarget(bad.value);
    report({ source: 0 }, bad.range, `"${bad.value}" is not a target; use one of ${MYSQL_TARGETS.join(', ')}. The comment is ignored, and the file is checked for ${m.target.target} (${m.target.reason}).`, {
      fixes: s.slice(0, 2).map((x) => fix(`Change to ${x}`, false, { range: bad.range, newText: x })),
    });
  },
});

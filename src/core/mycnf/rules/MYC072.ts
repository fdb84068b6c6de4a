import { flavorOf } from '../groups';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix } from '../report';

/** The server's character set is utf8 (utf8mb3): it cannot store characters outside the BMP (emoji, some CJK). */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC072', name: 'charset-utf8mb3', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    for (const k of ['character_set_server', 'collation_server']) {
      const o = m.server.get(k);
      if (!o?.hasValue || !o.valueRange) continue;
      const v = (o.value ?? '').trim().toLowerCase();
      const is3 = k === 'character_set_server' ? v === 'utf8' || v === 'utf8mb3' : /^utf8(mb3)?_/.test(v);
      if (!is3) continue;
      const next = k === 'character_set_server' ? 'utf8mb4' : v.replace(/^utf8(mb3)?_/, 'utf8mb4_');
      ctx.report({
        input: o.source,
        range: o.valueRange,
        message: `${o.text}=${o.value} is the 3-byte utf8 (utf8mb3): it cannot store 4-byte characters such as emoji or rarer CJK, which fail or are cut when inserted${flavorOf(m.target.target) === 'mysql' ? ', and MySQL has deprecated it' : ''}. Use ${next}${k === 'collation_server' ? ' (with character_set_server=utf8mb4)' : ''}; existing tables keep their charset until converted.`,
        fixes: [fix(`Use ${next}`, false, { range: o.valueRange, newText: next })],
      });
    }
  },
});

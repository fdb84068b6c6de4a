import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';
import { parseBool } from '../values';

/** innodb_doublewrite off: a page torn by a crash or power loss cannot be repaired. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC064', name: 'innodb-doublewrite-off', kind: 'mycnf', severity: 'warning', fix: 'unsafe', aliases: ['innodb_doublewrite'] },
  check(m, ctx) {
    const o = m.server.get('innodb_doublewrite');
    if (!o) return;
    const v = (o.value ?? '').trim().toUpperCase();
    const off = o.prefixes.includes('skip') || o.prefixes.includes('disable') || (o.hasValue && (parseBool(v) === false || v === 'DETECT_ONLY'));
    if (!off) return;
    const detect = v === 'DETECT_ONLY';
    ctx.report({
      input: o.source,
      range: o.valueRange ?? o.nameRange,
      message: `${o.text}${o.hasValue ? `=${o.value}` : ''} ${detect ? 'keeps only the metadata of the doublewrite buffer' : 'switches the doublewrite buffer off'}: if the server dies while writing a page, half of the old and half of the new page remain on disk, and crash recovery cannot repair such a torn page from the redo log alone. Keep it ON unless the file system itself guarantees atomic page writes (ZFS, some SSDs with atomic writes).`,
      fixes: o.hasValue ? setValueFix(o, 'ON') : undefined,
    });
  },
});

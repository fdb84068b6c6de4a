import { checkable, serverLabel } from '../checkable';
import { flavorOf } from '../groups';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/**
 * A word for a number on MariaDB: a value that starts with K, M, G, T, P or E is read as a size suffix with no
 * number in front of it, so `server_id = MYSQL_SID` becomes 0 (then the option's minimum) without an error.
 * Checked against mariadbd 10.11: "MYSQL_SID", "KEY", "PLACEHOLDER" read as 0; "ABC" and "5x" are refused.
 */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC092', name: 'number-word-reads-as-zero', kind: 'mycnf', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const { o, target, own } of checkable(m)) {
      if (!own || m.target.guessed || flavorOf(target) !== 'mariadb' || !o.info || o.info.removed !== undefined) continue;
      if (o.info.type !== 'integer' && o.info.type !== 'size') continue;
      const v = (o.value ?? '').trim();
      if (!o.valueRange || !/^[KMGTPE][A-Za-z0-9_]*$/i.test(v)) continue;
      const min = typeof o.info.min === 'number' && o.info.min > 0 ? ` (then raised to the minimum, ${o.info.min})` : '';
      ctx.report({
        input: o.source,
        range: o.valueRange,
        message: `${serverLabel(m, target)} reads "${v}" as 0${min} without an error: the leading ${v[0].toUpperCase()} is taken as a size suffix of a missing number and the rest is ignored. If a script replaces this placeholder before the server reads the file, nothing is wrong; otherwise write the number.`,
      });
    }
  },
});

import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix } from '../report';
import { parseBool } from '../values';

/** `log_bin = OFF` switches the binary log ON: the value is the base name of the log files. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC014', name: 'log-bin-value-is-a-name', kind: 'mycnf', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    for (const o of m.options) {
      if (o.prefixes.length || o.norm.toLowerCase() !== 'log_bin' || !o.hasValue || !o.valueRange) continue;
      if (o.group && o.group.role !== 'server' && o.group.role !== 'other-server') continue;
      const b = parseBool(o.value ?? '');
      if (b === undefined) continue;
      if (!b) {
        ctx.report({
          input: o.source,
          range: o.valueRange,
          message: `${o.text}=${o.rawValue} does not switch the binary log off: the value is the base name of the log files, so the server writes ${o.value}.000001 and so on. To turn binary logging off, write skip-log-bin (or disable-log-bin).`,
          fixes: [fix('Replace with skip-log-bin', false, { range: o.range, newText: o.text.includes('-') ? 'skip-log-bin' : 'skip_log_bin' })],
        });
      } else {
        ctx.report({
          input: o.source,
          range: o.valueRange,
          message: `${o.text}=${o.rawValue} turns the binary log on with files named ${o.value}.000001 and so on, because the value is a base name, not a switch. Write ${o.text} alone, or give a name such as mysql-bin.`,
          severity: 'info',
          fixes: [fix(`Use a base name: ${o.text} = mysql-bin`, false, { range: o.valueRange, newText: 'mysql-bin' })],
        });
      }
    }
  },
});

import { sameEverywhere } from '../fixsafety';
import { didYouMean } from '../../text';
import type { Fix } from '../../finding';
import { checkable, serverLabel } from '../checkable';
import { flavorOf, productOf } from '../groups';
import { isNegated } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix, setValueFix } from '../report';
import { formatSize, humanSize, isPlaceholderWord, isTemplated, likelyIntent, matchEnum, parseBool, parseDecimal, parseInteger, suffixesFor, unknownSetElements } from '../values';

function sizeText(n: number, size: boolean): string {
  return size ? `${formatSize(n)}${formatSize(n) !== String(n) ? ` (${humanSize(n)})` : ''}` : String(n);
}

/** A value the server rejects (it refuses to start), silently replaces (booleans read as OFF), or clamps. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC023', name: 'invalid-value', kind: 'mycnf', severity: 'error', fix: 'safe' },
  check(m, ctx) {
    for (const { o, target } of checkable(m)) {
      const i = o.info;
      if (!i || i.removed !== undefined) continue;
      const label = serverLabel(m, target);
      const v = o.value ?? '';
      const range = o.valueRange ?? o.nameRange;
      const numeric = i.type === 'integer' || i.type === 'size' || i.type === 'numeric';
      if (o.hasValue && (isTemplated(v) || (numeric && isPlaceholderWord(v)))) continue;
      if (o.name === 'secure_file_priv' && flavorOf(target) === 'mariadb' && o.hasValue && v.trim().toUpperCase() === 'NULL') {
        ctx.report({
          input: o.source,
          range,
          message: `secure_file_priv=NULL switches file import and export off on MySQL, but MariaDB has no such value: it reads NULL as a folder name, and refuses to start when it cannot resolve it ("Failed to normalize the argument for --secure-file-priv"). Point it at a folder that exists.`,
        });
        continue;
      }
      if (o.name === 'wsrep_sst_method' && productOf(target) === 'pxc' && o.hasValue && i.values) {
        // PXC checks the method when a node joins, not at startup: the node starts, then cannot receive a snapshot
        if (!i.values.some((x) => x.toLowerCase() === v.trim().toLowerCase())) {
          ctx.report({
            input: o.source,
            range,
            message: `${label} has no state snapshot transfer method "${v}" (rsync, mysqldump and the first xtrabackup script are gone; it has ${i.values.join(' and ')}): a node that needs a full copy of the data cannot join the cluster.`,
            fixes: [fix('Change to xtrabackup-v2', false, { range, newText: 'xtrabackup-v2' })],
          });
        }
        continue;
      }
      if (!o.hasValue) {
        if (isNegated(o) || o.prefixes.includes('enable')) continue;
        if (i.requiresValue === true || (numeric && i.requiresValue !== false)) {
          ctx.report({
            input: o.source,
            range: o.nameRange,
            message: `${o.text} needs a value: without one ${label} refuses to start ("option requires an argument").`,
          });
        }
        continue;
      }
      if (i.type === 'boolean') {
        // skip-/disable-/enable- with a value: only "0" flips them, any other value is accepted
        if (parseBool(v) !== undefined || isNegated(o) || o.prefixes.includes('enable')) continue;
        const intent = likelyIntent(v);
        const fixes: Fix[] = intent === undefined ? [] : setValueFix(o, intent ? 'ON' : 'OFF', `Write ${intent ? 'ON' : 'OFF'}`, intent === false);
        ctx.report({
          input: o.source,
          range,
          message: `"${v}" is not a boolean the server knows (ON, OFF, TRUE, FALSE, 1, 0): ${label} logs a warning and sets ${o.text} OFF${intent ? ', the opposite of what it says' : ''}.`,
          severity: intent === false ? 'warning' : undefined,
          fixes,
        });
        continue;
      }
      if (i.type === 'integer' || i.type === 'size') {
        const r = parseInteger(v, target);
        if ('error' in r) {
          if (r.error === 'decimal') {
            const d = Number(v.replace(/[^\d.].*$/, ''));
            const unit = v.match(/[kmgtpe]/i)?.[0]?.toUpperCase();
            const mult = unit ? 1024 ** ('KMGTPE'.indexOf(unit) + 1) : 1;
            const exact = d * mult;
            const fixes = Number.isInteger(exact) && unit ? setValueFix(o, formatSize(exact), `Write ${formatSize(exact)}`) : undefined;
            ctx.report({
              input: o.source,
              range,
              message: `${label} reads whole numbers only (with an optional ${suffixesFor(target).toUpperCase().split('').join('/')} suffix): "${v}" stops it with "Unknown suffix '.'" and it refuses to start.${fixes ? ` Write ${formatSize(exact)}.` : ''}`,
              fixes,
            });
          } else if (r.error === 'suffix') {
            const words = /^[a-z]/i.test(v.trim());
            ctx.report({
              input: o.source,
              range,
              message: `${o.text} takes a number${i.type === 'size' ? ' of bytes' : ''}; "${v}" stops ${label} with "Unknown suffix '${r.char}'" and it refuses to start.${words ? '' : ` Only ${suffixesFor(target).toUpperCase().split('').join(', ')} may follow the digits.`}`,
            });
          } else {
            ctx.report({ input: o.source, range, message: `"${v}" is too large for a 64-bit number: ${label} refuses to start ("Incorrect integer value").` });
          }
          continue;
        }
        if (r.empty) {
          ctx.report({
            input: o.source,
            range,
            message: `${o.text} is empty, which the server reads as 0${i.min !== undefined && i.min > 0 ? ` and then raises to the minimum, ${sizeText(i.min, i.type === 'size')}` : ''}. Give a value or remove the line.`,
            severity: 'warning',
          });
          continue;
        }
        if (r.negative && (i.min === undefined || i.min >= 0)) {
          ctx.report({ input: o.source, range, message: `${o.text} cannot be negative: ${label} refuses to start ("Incorrect unsigned value").` });
          continue;
        }
        const n = r.value;
        const size = i.type === 'size';
        if (i.min !== undefined && n < i.min) {
          ctx.report({
            input: o.source,
            range,
            message: `${v} is below the minimum of ${o.name} (${sizeText(i.min, size)}): ${label} raises it to ${sizeText(i.min, size)} with a warning.`,
            severity: 'warning',
            fixes: setValueFix(o, size ? formatSize(i.min) : String(i.min), `Write the minimum, ${size ? formatSize(i.min) : i.min}`, sameEverywhere(m, target, o.name, (x) => x.min)),
          });
          continue;
        }
        if (i.max !== undefined && n > i.max && i.max < 1.8e19) {
          ctx.report({
            input: o.source,
            range,
            message: `${v} is above the maximum of ${o.name} (${sizeText(i.max, size)}): ${label} lowers it to ${sizeText(i.max, size)} with a warning.`,
            severity: 'warning',
            fixes: setValueFix(o, size && i.max % 1024 === 0 ? formatSize(i.max) : String(i.max), 'Write the maximum', sameEverywhere(m, target, o.name, (x) => x.max)),
          });
          continue;
        }
        if (i.blockSize && i.blockSize > 1 && n % i.blockSize !== 0) {
          const down = Math.floor(n / i.blockSize) * i.blockSize;
          ctx.report({
            input: o.source,
            range,
            message: `${o.name} is used in steps of ${sizeText(i.blockSize, true)}: ${v} is rounded down to ${sizeText(down, size)}.`,
            severity: 'info',
            fixes: setValueFix(o, size ? formatSize(down) : String(down), `Write ${size ? formatSize(down) : down}`, sameEverywhere(m, target, o.name, (x) => x.blockSize)),
          });
        }
        continue;
      }
      if (i.type === 'numeric') {
        if (parseDecimal(v) === undefined) ctx.report({
          input: o.source,
          range,
          message: `${o.text} takes a decimal number without suffix (such as 0.5); "${v}" stops ${label} with "Invalid decimal value" and it refuses to start.`,
        });
        continue;
      }
      if (i.type === 'enum' && i.values?.length) {
        const vals = i.values;
        // the cheap test first: most values are no TRUE/FALSE
        const boolish = /^\s*(true|false)\s*$/i.test(v) && vals.some((x) => x.toUpperCase() === 'ON') && vals.some((x) => x.toUpperCase() === 'OFF');
        if (boolish || matchEnum(v, vals)) continue;
        const s = didYouMean(v.trim(), vals, 3);
        ctx.report({
          input: o.source,
          range,
          message: `"${v}" is not a value of ${o.name} (${vals.join(', ')}): ${label} refuses to start ("Error while setting value").${s.length ? ` Did you mean ${s[0]}?` : ''}`,
          fixes: s.slice(0, 2).map((x) => fix(`Change to ${x}`, false, { range, newText: x })),
        });
        continue;
      }
      if (i.type === 'set' && i.values?.length) {
        const bad = unknownSetElements(v, i.values);
        if (!bad.length) continue;
        const s = bad.map((b) => didYouMean(b, i.values!, 3)[0]).filter(Boolean);
        ctx.report({
          input: o.source,
          range,
          message: `${o.name} has no value${bad.length > 1 ? 's' : ''} ${bad.join(', ')}: ${label} refuses to start ("Error while setting value").${s.length ? ` Did you mean ${s.join(', ')}?` : ''}`,
        });
      }
    }
  },
});

#!/usr/bin/env node
// Imports the MySQL 8.0/8.4 variable table gathered in the reference data's mysql-variables.json (8.0.41 server source,
// the 8.0 manual, the 8.4 change lists) into data/reference/mycnf-options/mysql.json, cleaned:
//   - junk rows dropped (table footnotes, status variables, debug-build-only options);
//   - compile-time placeholders and defaults that contradict the type dropped (left unknown rather than wrong);
//   - descriptions NOT copied (they are the vendor's sentences).
// Corrections and facts for 5.7 and 8.4 live in overrides.yaml, not here; rerun this only to refresh from the source.
//   node scripts/mycnf/import-mysql-variables.mjs path/to/mysql-variables.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const src = process.argv[2];
if (!src) {
  console.error('usage: node scripts/mycnf/import-mysql-variables.mjs path/to/mysql-variables.json');
  process.exit(2);
}
const data = JSON.parse(readFileSync(src, 'utf8'));

const TYPES = { integer: 'integer', size: 'size', numeric: 'numeric', boolean: 'boolean', enum: 'enum', set: 'set', string: 'string', filename: 'filename', dirname: 'filename' };
const dropped = [];
const rows = [];
for (const v of data.variables) {
  const name = v.name;
  if (!/^[a-z][a-z0-9_.]*$/.test(name)) {
    dropped.push(`${name}: not an option name`);
    continue;
  }
  const flags = v.build_flags ?? [];
  if (flags.includes('debug_build_only')) {
    dropped.push(`${name}: debug builds only`);
    continue;
  }
  const r = { name };
  r.type = TYPES[v.type] ?? 'string';
  if (!TYPES[v.type]) r.typeUnknown = true;
  let def = v.default;
  if (typeof def === 'string' && /^[A-Z_]+DIR\/|The Default Value/.test(def)) def = undefined; // compile-time placeholder
  if (def !== undefined) {
    if (r.type === 'boolean') {
      if (def === 'ON' || def === 'OFF') def = def === 'ON';
      else if (def === null) def = undefined; // boolean with "no default": unknown
      else if (typeof def !== 'boolean') def = undefined;
    } else if ((r.type === 'integer' || r.type === 'size' || r.type === 'numeric') && typeof def === 'string') {
      def = /^-?\d+(\.\d+)?$/.test(def) ? Number(def) : undefined;
    } else if ((r.type === 'enum' || r.type === 'set') && typeof def === 'number') {
      def = undefined; // an index or bitmask leaked from the source, not a value a person writes
    }
    if (def !== undefined) r.default = def;
  }
  if (typeof v.min === 'number') r.min = v.min;
  if (typeof v.max === 'number') r.max = v.max;
  if (typeof v.block_size === 'number' && v.block_size > 1) r.blockSize = v.block_size;
  if (Array.isArray(v.enum_values) && v.enum_values.length) r.values = v.enum_values;
  const scope = { Global: 'global', Both: 'both', Session: 'session' }[v.scope];
  if (scope) r.scope = scope;
  if (typeof v.dynamic === 'boolean') r.dynamic = v.dynamic;
  r.optionFile = v.settable_in_option_file === true;
  if (typeof v.option_syntax === 'string') {
    const m = /^--[\w-]+(\[?=)?/.exec(v.option_syntax);
    if (m && m[1] === '=') r.requiresValue = true;
    else if (m && m[1] === '[=') r.requiresValue = false;
  }
  if (v.option_only) r.optionOnly = true;
  for (const k of ['introduced', 'deprecated', 'removed', 'replacement']) if (typeof v[k] === 'string' && v[k]) r[k] = v[k];
  if (r.removed && !/^\d+\.\d+(\.\d+)?$/.test(r.removed)) {
    r.removedNote = r.removed;
    delete r.removed;
  }
  if (r.replacement && !/^[a-z][a-z0-9_.]*$/.test(r.replacement)) {
    r.replacementNote = r.replacement;
    delete r.replacement;
  }
  if (v.alias_of) r.aliasOf = v.alias_of;
  if (v.default_8_4 !== undefined) r.default84 = v.default_8_4;
  r.in80 = v.in_8_0;
  r.in84 = v.in_8_4;
  if (v.doc_url_fragment) r.docs = v.doc_url_fragment;
  if (flags.includes('windows_only')) r.platform = 'windows';
  rows.push(r);
}
rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const meta = {
  source: 'shared/data/mysql-variables.json (MySQL 8.0.41 source + 8.0 manual + 8.4 change lists), cleaned by scripts/mycnf/import-mysql-variables.mjs',
  fields: 'default/introduced/deprecated/removed are 8.0-series facts; default84 = documented 8.4 default change; in80/in84: true, false, or null (unknown); docs = page#anchor under dev.mysql.com/doc/refman/<series>/en/',
  dropped: dropped.length,
};
const out = join(root, 'data/reference/mycnf-options/mysql.json');
writeFileSync(out, '{\n"meta": ' + JSON.stringify(meta) + ',\n"options": [\n' + rows.map((r) => JSON.stringify(r)).join(',\n') + '\n]}\n');
console.log(`mysql: ${rows.length} options written to ${out}; dropped ${dropped.length}:\n  ${dropped.join('\n  ')}`);

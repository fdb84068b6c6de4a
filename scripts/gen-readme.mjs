// Regenerates the rule list in README.md (between the <!-- rules:start --> and <!-- rules:end --> markers) from
// the built registry and kb.json. `--check` exits 1 when README.md is out of date (the unit suite runs it).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const rules = JSON.parse(execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'rules', '--format', 'json'], { encoding: 'utf8' }));
const kb = JSON.parse(readFileSync(join(root, 'dist/kb.json'), 'utf8'));
const docs = new Map(kb.rules.map((r) => [r.code, r]));
const KIND_TITLE = { dockerfile: 'Dockerfile', mycnf: 'MySQL / MariaDB option files', vagrantfile: 'Vagrantfile', any: 'All kinds' };
const FIX = { none: '', safe: 'safe', unsafe: 'review' };
const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

const out = [];
for (const kind of ['dockerfile', 'mycnf', 'vagrantfile', 'any']) {
  const list = rules.filter((r) => r.kind === kind);
  if (!list.length) continue;
  out.push(`### ${KIND_TITLE[kind]} (${list.length})`, '', '| code | name | severity | fix | what it finds |', '|---|---|---|---|---|');
  for (const r of list) out.push(`| ${r.code} | ${r.name} | ${r.severity} | ${FIX[r.fix]} | ${esc(docs.get(r.code)?.summary ?? '')} |`);
  out.push('');
}
const table = out.join('\n');
const path = join(root, 'README.md');
const readme = readFileSync(path, 'utf8');
const re = /(<!-- rules:start -->\n)[\s\S]*?(<!-- rules:end -->)/;
if (!re.test(readme)) {
  console.error('README.md has no <!-- rules:start --> ... <!-- rules:end --> markers');
  process.exit(1);
}
const next = readme.replace(re, `$1${table}\n$2`);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md rule list is out of date: run node scripts/gen-readme.mjs');
    process.exit(1);
  }
} else if (next !== readme) {
  writeFileSync(path, next);
  console.log(`README.md: ${rules.length} rules listed`);
}

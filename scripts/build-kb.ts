// Reads data/ (rules, topics, references), validates it with the zod schemas of src/core/knowledge,
// joins topics to the rules that cite them, and writes dist/kb.json. Exits 1 with every problem listed.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import type { z } from 'zod';
import { ruleDocFileSchema, topicSchema, knowledgeBaseSchema, type RuleDoc, type KnowledgeBase } from '../src/core/knowledge/schema';
import { dockerfileReferenceSchema } from '../src/core/dockerfile/reference-schema';
import { mycnfReferenceSchema } from '../src/core/mycnf/reference-schema';
import { vagrantReferenceSchema } from '../src/core/vagrant/reference-schema';

const root = join(__dirname, '..', '..');
const outDir = process.argv[2] ?? join(root, 'dist');
const problems: string[] = [];

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function load<T>(file: string, schema: z.ZodType<T>): T | undefined {
  const text = readFileSync(file, 'utf8');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const rel = relative(root, file);
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push(`${rel}:${lc.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
    return undefined;
  }
  const r = schema.safeParse(doc.toJS());
  if (!r.success) {
    for (const issue of r.error.issues.slice(0, 20)) {
      const node = doc.getIn(issue.path as (string | number)[], true) as { range?: number[] } | undefined;
      const line = node?.range ? lc.linePos(node.range[0]).line : '?';
      problems.push(`${rel}:${line}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
    }
    return undefined;
  }
  return r.data;
}

const rules: RuleDoc[] = [];
for (const f of yamlFiles(join(root, 'data/rules'))) rules.push(...(load(f, ruleDocFileSchema) ?? []));
const seen = new Map<string, string>();
for (const r of rules) {
  for (const key of [r.code, r.name]) {
    if (seen.has(key)) problems.push(`data/rules: ${key} is documented twice`);
    seen.set(key, r.code);
  }
  // a DL code promises hadolint's meaning: every DL rule says whether it keeps it (docs/hadolint-compatibility.md)
  if (r.code.startsWith('DL') && !r.hadolint) problems.push(`data/rules: ${r.code} has no \`hadolint:\` status (same, or differs with reasons)`);
  if (!r.code.startsWith('DL') && r.hadolint) problems.push(`data/rules: ${r.code} is not a DL rule; \`hadolint:\` is for DL rules only`);
}

const topics = yamlFiles(join(root, 'data/topics'))
  .map((f) => {
    const t = load(f, topicSchema);
    if (t && !f.endsWith(`/${t.id}.yaml`)) problems.push(`${relative(root, f)}: id "${t.id}" does not match the file name`);
    return t;
  })
  .filter((t): t is NonNullable<typeof t> => !!t);
const topicIds = new Set(topics.map((t) => t.id));
// Dangling topic references are reported by test/unit/knowledge.test.ts; here they only warn, so rule docs and
// topics can be written in either order.
const dangling = [
  ...rules.flatMap((r) => r.topics.filter((t) => !topicIds.has(t)).map((t) => `${r.code}→${t}`)),
  ...topics.flatMap((t) => t.related.filter((r) => !topicIds.has(r)).map((r) => `${t.id}→${r}`)),
];
if (dangling.length) console.warn(`kb: warning: ${dangling.length} references to topics not written yet (${dangling.slice(0, 5).join(', ')}${dangling.length > 5 ? ', ...' : ''})`);

function loadReference<T>(kind: string, schema: z.ZodType<T>): T {
  const merged: Record<string, unknown> = {};
  for (const f of yamlFiles(join(root, 'data/reference', kind))) {
    const text = readFileSync(f, 'utf8');
    const doc = parseDocument(text);
    if (doc.errors.length) problems.push(`${relative(root, f)}: ${doc.errors[0].message.split('\n')[0]}`);
    else Object.assign(merged, doc.toJS());
  }
  const r = schema.safeParse(merged);
  if (!r.success) {
    for (const issue of r.error.issues.slice(0, 20)) problems.push(`data/reference/${kind}: ${issue.path.join('.')}: ${issue.message}`);
    return {} as T;
  }
  return r.data;
}

const kb: KnowledgeBase = {
  rules: rules.sort((a, b) => a.code.localeCompare(b.code)),
  topics: topics.map((t) => ({ ...t, rules: rules.filter((r) => r.topics.includes(t.id)).map((r) => r.code) })),
  reference: {
    dockerfile: loadReference('dockerfile', dockerfileReferenceSchema),
    mycnf: loadReference('mycnf', mycnfReferenceSchema),
    vagrantfile: loadReference('vagrant', vagrantReferenceSchema),
  },
};
const check = knowledgeBaseSchema.safeParse(kb);
if (!check.success) problems.push(`knowledge base: ${check.error.issues[0].path.join('.')}: ${check.error.issues[0].message}`);

if (problems.length) {
  console.error(`The knowledge base in data/ is invalid (${problems.length} problem${problems.length > 1 ? 's' : ''}):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
writeFileSync(join(outDir, 'kb.json'), JSON.stringify(kb));
console.log(`kb: ${kb.rules.length} rule docs, ${kb.topics.length} topics`);

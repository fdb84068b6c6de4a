/**
 * The registry polices itself: unique codes and names, codes that fit their kind, every rule documented with every
 * section, every documented rule implemented, a fixture per rule, honest fix availability, and each doc's bad
 * example triggering the rule while the good one does not.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineReady, ROOT } from '../helpers/setup';
import { allRules, ruleDoc, knowledgeBase, lint, defaultConfig, mergeConfig, userConfigSchema, type Kind } from '../../src/core/index';
import { language } from '../../src/core/registry';
import { nodeEnv } from '../../src/node/host';
import { FIXTURE_EXT } from '../helpers/fixtures';

const PREFIX: Record<string, RegExp> = {
  dockerfile: /^(DL\d{4}|DKR\d{3})$/,
  mycnf: /^MYC\d{3}$/,
  vagrantfile: /^VGT\d{3}$/,
  any: /^DG\d{3}$/,
};

describe('rule registry', () => {
  before(engineReady);
  const rules = allRules();

  it('has unique codes and names, fitting their kind, named after the problem', () => {
    const codes = new Set<string>();
    const names = new Set<string>();
    for (const m of rules) {
      assert.ok(!codes.has(m.code), `duplicate code ${m.code}`);
      assert.ok(!names.has(m.name), `duplicate name ${m.name}`);
      codes.add(m.code);
      names.add(m.name);
      assert.match(m.code, PREFIX[m.kind], `${m.code} does not fit kind ${m.kind}`);
      assert.match(m.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${m.code}: name "${m.name}" is not kebab-case`);
      assert.doesNotMatch(m.name, /^(no|use|prefer|avoid|do-not|dont|pin|enable|disable)-/, `${m.code}: name "${m.name}" names a remedy, not the problem`);
    }
  });

  it('rule files are named after their code', () => {
    for (const kind of ['dockerfile', 'mycnf', 'vagrant']) {
      const dir = join(ROOT, 'src/core', kind, 'rules');
      const langKind = kind === 'vagrant' ? 'vagrantfile' : kind;
      const codes = language(langKind as Kind).rules.map((r) => r.meta.code).sort();
      const files = readdirSync(dir).filter((f) => /^[A-Z]+\d+\.ts$/.test(f)).map((f) => f.replace('.ts', '')).sort();
      assert.deepEqual(codes, files, `${kind}: rule codes vs file names`);
      for (const r of language(langKind as Kind).rules) assert.equal(r.meta.kind, langKind, `${r.meta.code} declares kind ${r.meta.kind}`);
    }
  });

  it('documents every rule, with every section, under the same name', () => {
    const missing: string[] = [];
    for (const m of rules) {
      const doc = ruleDoc(m.code);
      if (!doc) {
        missing.push(m.code);
        continue;
      }
      assert.equal(doc.name, m.name, `${m.code}: docs name "${doc.name}" vs code name "${m.name}"`);
      for (const k of ['summary', 'why', 'bad', 'good', 'fix'] as const) assert.ok(doc[k].trim(), `${m.code}: empty ${k}`);
      assert.ok(doc.references.length && doc.topics.length, `${m.code}: references and topics`);
    }
    assert.deepEqual(missing, [], 'rules without documentation in data/rules');
  });

  it('implements every documented rule', () => {
    const codes = new Set(rules.map((m) => m.code));
    const orphans = knowledgeBase().rules.filter((d) => !codes.has(d.code)).map((d) => d.code);
    assert.deepEqual(orphans, [], 'documented but not implemented');
  });

  it('has a fixture for every rule', () => {
    const missing: string[] = [];
    for (const m of rules) {
      if (m.kind === 'any') continue;
      const dir = join(ROOT, 'test/rules/fixtures', m.kind);
      const has = existsSync(dir) && readdirSync(dir).some((f) => FIXTURE_EXT[m.kind as Kind].test(f) && f.split('.')[0] === m.code);
      if (!has) missing.push(m.code);
    }
    assert.deepEqual(missing, [], 'rules without a fixture in test/rules/fixtures/<kind>/');
  });

  it('declares fix availability honestly (fixtures show fixes exactly for fixable rules)', () => {
    const problems: string[] = [];
    for (const m of rules) {
      if (m.kind === 'any') continue;
      const kind = m.kind as Kind;
      const dir = join(ROOT, 'test/rules/fixtures', kind);
      if (!existsSync(dir)) continue;
      let fixes = 0;
      let safe = 0;
      for (const f of readdirSync(dir).filter((x) => FIXTURE_EXT[kind].test(x) && x.split('.')[0] === m.code)) {
        const text = readFileSync(join(dir, f), 'utf8');
        const cfgLine = /^\s*[#;]\s*fixture-config:\s*(\{.*\})\s*$/m.exec(text);
        const config = mergeConfig(defaultConfig(), cfgLine ? JSON.parse(cfgLine[1]) : undefined);
        for (const finding of lint(text, kind, config).filter((x) => x.code === m.code)) {
          fixes += finding.fixes?.length ?? 0;
          safe += finding.fixes?.filter((x) => x.safe).length ?? 0;
        }
      }
      if (m.fix === 'none' && fixes) problems.push(`${m.code} declares fix "none" but offers ${fixes} fixes`);
      if (m.fix !== 'none' && !fixes) problems.push(`${m.code} declares fix "${m.fix}" but its fixtures show none`);
      if (m.fix === 'safe' && !safe) problems.push(`${m.code} declares a safe fix but offers only unsafe ones`);
    }
    assert.deepEqual(problems, []);
  });

  it("triggers on each doc's bad example and not on its good one", () => {
    const problems: string[] = [];
    for (const m of rules) {
      if (m.kind === 'any') continue;
      const doc = ruleDoc(m.code);
      if (!doc) continue;
      const parsed = doc.exampleConfig ? userConfigSchema().safeParse(doc.exampleConfig) : undefined;
      if (parsed && !parsed.success) {
        problems.push(`${m.code}: invalid exampleConfig: ${parsed.error.issues[0].message}`);
        continue;
      }
      const config = mergeConfig(defaultConfig(), { ...parsed?.data, rules: { ...parsed?.data?.rules, [m.code]: m.severity === 'off' ? 'warning' : m.severity } });
      const kind = m.kind as Kind;
      // Examples are linted as if they sat in the kind's fixture folder, so an option file's relative includes resolve there.
      const env = nodeEnv(join(ROOT, 'test/rules/fixtures', kind, 'doc-example'));
      if (!lint(doc.bad, kind, config, env).some((f) => f.code === m.code)) problems.push(`${m.code}: the bad example does not trigger it`);
      const good = lint(doc.good, kind, config, env).filter((f) => f.code === m.code);
      if (good.length) problems.push(`${m.code}: the good example triggers it: ${good[0].message}`);
    }
    assert.deepEqual(problems, []);
  });
});

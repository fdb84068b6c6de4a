/**
 * The knowledge base as shipped (dist/kb.json, built from data/ by scripts/build-kb.ts): it validates, every
 * required topic exists, rule docs and topics point at each other consistently, topic search finds the right
 * page for typical queries, and no topic copies the seed (the "own words" guard).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SEED_DIR } from '../helpers/setup';
import { knowledgeBase, searchTopics, topic, type Topic } from '../../src/core/index';
import { knowledgeBaseSchema } from '../../src/core/knowledge/schema';

/** The topic ids the rule docs cite (CONTRIBUTING.md). Renaming one breaks every rule doc that uses it. */
export const REQUIRED_TOPICS = [
  'what-is-devops',
  'devops-culture',
  'configuration-management',
  'service-discovery',
  'self-healing-infrastructure',
  'docker-containers',
  'container-image-security',
  'container-orchestration',
  'linux-performance-methodology',
  'observability-and-tracing',
  'benchmarking-and-tuning',
  'mysql-high-availability',
  'mysql-replication',
  'innodb-crash-recovery',
  'mysql-clustering-and-failover',
  'scaling-ingest',
  'vagrant-environments',
  'vagrant-networking-and-security',
];

/**
 * Background topics: knowledge that no static check of a Dockerfile, Vagrantfile or option file can apply
 * (organisation, live-system performance work, coordination services). They may have no rule citing them.
 * Every other topic is the home of at least one rule; an uncited one means a rule doc forgot its topic, or the
 * topic belongs in this list.
 */
export const GENERAL_TOPICS = new Set([
  'what-is-devops',
  'devops-culture',
  'configuration-management',
  'service-discovery',
  'linux-performance-methodology',
  'observability-and-tracing',
  'benchmarking-and-tuning',
  'scaling-ingest',
]);

/** Words of a text for n-gram comparison: lower case, letters and digits only. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Every run of `n` consecutive words, joined by a space. */
export function ngrams(words: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** The n-word sequences `text` shares with the reference set. */
export function sharedRuns(text: string, reference: Set<string>, n: number): string[] {
  return [...ngrams(wordsOf(text), n)].filter((g) => reference.has(g));
}

const RULE_CODE = /\b(?:DL\d{4}|DKR\d{3}|MYC\d{3}|VGT\d{3}|DG\d{3})\b/;

describe('knowledge base', () => {
  const kb = knowledgeBase();
  const byId = new Map(kb.topics.map((t) => [t.id, t]));

  it('validates against the schema it is built with', () => {
    const r = knowledgeBaseSchema.safeParse(kb);
    assert.ok(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 5)));
  });

  it('has every required topic, once, each from data/topics/<id>.yaml', () => {
    const ids = kb.topics.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate topic ids');
    for (const id of REQUIRED_TOPICS) assert.ok(byId.has(id), `missing topic ${id}`);
    const files = readdirSync(join(ROOT, 'data/topics')).filter((f) => /\.ya?ml$/.test(f));
    assert.deepEqual(files.map((f) => f.replace(/\.ya?ml$/, '')).sort(), [...ids].sort());
    for (const id of GENERAL_TOPICS) assert.ok(REQUIRED_TOPICS.includes(id), `general topic ${id} is not a known topic`);
  });

  it('cites only topics that exist, from every rule doc', () => {
    const dangling = kb.rules.flatMap((r) => r.topics.filter((t) => !byId.has(t)).map((t) => `${r.code} -> ${t}`));
    assert.deepEqual(dangling, []);
  });

  it('joins each topic to exactly the rules that cite it', () => {
    for (const t of kb.topics) {
      const citing = kb.rules.filter((r) => r.topics.includes(t.id)).map((r) => r.code).sort();
      assert.deepEqual([...t.rules].sort(), citing, t.id);
    }
  });

  // The kind of file whose rules apply each non-general topic. A kind with documented rules must cite all of its
  // topics; a kind with no documented rule fails.
  const TOPIC_KIND: Record<string, 'dockerfile' | 'mycnf' | 'vagrantfile'> = {
    'docker-containers': 'dockerfile',
    'container-image-security': 'dockerfile',
    'self-healing-infrastructure': 'dockerfile',
    'container-orchestration': 'dockerfile',
    'mysql-high-availability': 'mycnf',
    'mysql-replication': 'mycnf',
    'innodb-crash-recovery': 'mycnf',
    'mysql-clustering-and-failover': 'mycnf',
    'vagrant-environments': 'vagrantfile',
    'vagrant-networking-and-security': 'vagrantfile',
  };
  const kindOfCode = (code: string): string =>
    /^(DL|DKR)/.test(code) ? 'dockerfile' : code.startsWith('MYC') ? 'mycnf' : code.startsWith('VGT') ? 'vagrantfile' : 'general';

  it('classifies every topic as general background or as the home of one kind of rule', () => {
    for (const id of REQUIRED_TOPICS) {
      assert.ok(GENERAL_TOPICS.has(id) !== (id in TOPIC_KIND), `${id}: exactly one of general / TOPIC_KIND`);
    }
  });

  for (const kind of ['dockerfile', 'mycnf', 'vagrantfile'] as const) {
    it(`has a ${kind} rule citing each ${kind} topic`, () => {
      const documented = kb.rules.filter((r) => kindOfCode(r.code) === kind);
      assert.ok(documented.length > 0, `no ${kind} rule is documented`);
      const uncited = Object.entries(TOPIC_KIND)
        .filter(([id, k]) => k === kind && !byId.get(id)?.rules.length)
        .map(([id]) => id);
      assert.deepEqual(uncited, [], `${kind} topics no rule doc cites`);
    });
  }

  it('links related topics that exist, symmetrically, never to itself', () => {
    for (const t of kb.topics) {
      assert.ok(t.related.length >= 2, `${t.id}: fewer than two related topics`);
      assert.equal(new Set(t.related).size, t.related.length, `${t.id}: duplicate related topics`);
      for (const r of t.related) {
        assert.notEqual(r, t.id, `${t.id} relates to itself`);
        const other = byId.get(r);
        assert.ok(other, `${t.id}: related topic ${r} does not exist`);
        assert.ok(other.related.includes(t.id), `${t.id} -> ${r} but not ${r} -> ${t.id}`);
      }
    }
  });

  it('gives every topic a real page: sections, references, keywords, no hard-coded rule codes', () => {
    for (const t of kb.topics) {
      assert.ok(t.body.length >= 2500, `${t.id}: body is only ${t.body.length} characters`);
      assert.ok((t.body.match(/^## /gm) ?? []).length >= 3, `${t.id}: fewer than three sections`);
      assert.match(t.body, /^## How DevOps Guidance helps$/m, `${t.id}: no "How DevOps Guidance helps" section`);
      assert.doesNotMatch(t.body, RULE_CODE, `${t.id}: rule codes belong in rule docs (topics list them at build)`);
      assert.ok(t.references.length >= 2, `${t.id}: fewer than two references`);
      for (const ref of t.references) assert.match(ref.url, /^https:\/\//, `${t.id}: ${ref.url} is not https`);
      assert.ok(t.keywords.length >= 3 && t.keywords.every((k) => k === k.toLowerCase()), `${t.id}: keywords`);
    }
  });

  describe('topic search', () => {
    const first = (q: string): string | undefined => searchTopics(q)[0]?.id;
    const cases: [string, string][] = [
      ['gtid', 'mysql-replication'],
      ['usE method', 'linux-performance-methodology'],
      ['kubernetes', 'container-orchestration'],
      ['redo log', 'innodb-crash-recovery'],
      ['vagrant box', 'vagrant-environments'],
      ['galera', 'mysql-clustering-and-failover'],
      ['semi-sync', 'mysql-replication'],
      ['forwarded_port', 'vagrant-networking-and-security'],
      ['healthcheck', 'self-healing-infrastructure'],
      ['non-root user', 'container-image-security'],
      ['multi-stage', 'docker-containers'],
      ['etcd', 'service-discovery'],
      ['ansible', 'configuration-management'],
      ['bpftrace', 'observability-and-tracing'],
      ['l1 cache', 'scaling-ingest'],
      ['mesos', 'container-orchestration'],
      ['blameless', 'devops-culture'],
      ['dora', 'what-is-devops'],
      ['innodb_redo_log_capacity', 'innodb-crash-recovery'],
      ['fio', 'benchmarking-and-tuning'],
    ];
    for (const [query, id] of cases) {
      it(`ranks ${id} first for "${query}"`, () => assert.equal(first(query), id, searchTopics(query).slice(0, 3).map((t) => t.id).join(', ')));
    }

    it('returns every topic, by title, for an empty query', () => {
      const all = searchTopics('  ');
      assert.equal(all.length, kb.topics.length);
      const titles = all.map((t) => t.title);
      assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b)));
    });

    it('returns nothing when a word matches no topic', () => {
      assert.deepEqual(searchTopics('kubernetes zzqqxx'), []);
    });

    it('looks topics up by id', () => {
      assert.equal(topic('mysql-replication')?.id, 'mysql-replication');
      assert.equal(topic('no-such-topic'), undefined);
    });
  });

  describe('own words (no 8-word run shared with the seed)', () => {
    const N = 8;
    const seedDir = SEED_DIR;
    // The seed is reference material beside the repository, not part of it. One test either way, so the suite's
    // count is the same with and without it: without the seed the test is one visible skip.
    it('the knowledge base (every required topic, every rule doc) shares no 8-word run with the seed', function () {
      if (!existsSync(seedDir)) {
        console.log(`      SKIPPED: no seed folder at ${seedDir} (set DG_SEED_DIR); the own-words check needs the seed text`);
        this.skip();
      }
      const seedText = readdirSync(seedDir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(join(seedDir, f), 'utf8'))
        .join('\n');
      const seedGrams = ngrams(wordsOf(seedText), N);
      assert.ok(seedGrams.size > 1000, `only ${seedGrams.size} seed ${N}-grams`);
      // The guard itself: a sentence lifted from the seed (any one) must be caught; the same words reordered must not.
      const sentence = seedText.split(/(?<=[.!?])\s+/).find((x) => wordsOf(x).length >= 12) ?? '';
      assert.ok(sharedRuns(`Intro text. ${sentence} More text.`, seedGrams, N).length > 0, 'guard missed a copied sentence');
      assert.deepEqual(sharedRuns(wordsOf(sentence).reverse().join(' '), seedGrams, N), []);
      const copied = [
        ...REQUIRED_TOPICS.flatMap((id) => {
          const t = topic(id) as Topic;
          return sharedRuns([t.title, t.summary, t.body].join('\n'), seedGrams, N).map((g) => `topic ${id}: "${g}"`);
        }),
        ...kb.rules.flatMap((r) => sharedRuns([r.summary, r.why, r.fix].join('\n'), seedGrams, N).map((g) => `${r.code}: "${g}"`)),
      ];
      assert.deepEqual(copied, []);
    });
  });
});

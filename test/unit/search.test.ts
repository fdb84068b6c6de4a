import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { ruleDoc, searchRules, searchTopics, topicMarkdown } from '../../src/core/index';
import { queryWords, wordsOf } from '../../src/core/knowledge/search';

/** Look Up Topic and Explain Rule search: whole words, stop words, synonyms, title hits first, no internal rules. */
describe('knowledge search', () => {
  before(engineReady);

  it('matches whole words, not substrings', () => {
    assert.ok(wordsOf('the non-root user').has('non-root') && wordsOf('the non-root user').has('root'));
    assert.ok(!wordsOf('grouped').has('group'));
    // "tag" is in "stage" and "tagged" as letters only: such rules are not offered for "tag"
    const found = searchRules('tag');
    assert.ok(found.some((m) => m.code === 'DL3007'), 'DL3007 (image-tag-latest) is not found for "tag"');
    for (const m of found) {
      const doc = ruleDoc(m.code);
      const text = `${m.code} ${m.name.replace(/-/g, ' ')} ${(m.aliases ?? []).join(' ')} ${doc?.summary ?? ''} ${doc?.why ?? ''}`;
      assert.match(text, /\btags?\b/i, `${m.code} ${m.name} matched "tag" inside another word`);
    }
    assert.ok(!found.some((m) => m.name === 'stage-name-casing'), 'stage-name-casing matched "tag" inside "stage"');
  });

  it('ignores stop words', () => {
    assert.deepEqual(queryWords('how do I use the redo log'), ['use', 'redo', 'log']);
    assert.equal(searchTopics('what is the redo log')[0]?.id, 'innodb-crash-recovery');
    assert.equal(searchTopics('the')[0]?.id, searchTopics('')[0]?.id, 'a query of stop words only is an empty query');
  });

  it('knows synonyms: lag/delay, health check/healthcheck, semi-sync spellings', () => {
    for (const q of ['semisync', 'semi-sync', 'semi sync', 'semi-synchronous', 'semisynchronous']) assert.equal(searchTopics(q)[0]?.id, 'mysql-replication', q);
    assert.deepEqual(searchTopics('health check').map((t) => t.id), searchTopics('healthcheck').map((t) => t.id));
    assert.equal(searchTopics('health check')[0]?.id, 'self-healing-infrastructure');
    const lag = searchTopics('replication lag').map((t) => t.id);
    assert.deepEqual(searchTopics('replication delay').map((t) => t.id), lag);
    assert.ok(lag.includes('mysql-replication'), lag.join(' '));
  });

  it('ranks title matches first', () => {
    const r = searchTopics('replication');
    assert.ok(/replication/i.test(r[0].title), r[0].title);
    const titled = r.findIndex((t) => !/replication/i.test(t.title));
    assert.ok(titled === -1 || r.slice(titled).every((t) => !/replication/i.test(t.title)), r.map((t) => t.title).join(' | '));
  });

  it('finds rules by code, name, alias and summary, never the internal ones', () => {
    assert.equal(searchRules('dl3007')[0]?.code, 'DL3007');
    assert.equal(searchRules('image-tag-latest')[0]?.code, 'DL3007');
    assert.equal(searchRules('StageNameCasing')[0]?.code, 'DKR001');
    assert.equal(searchRules('CKV_DOCKER_2')[0]?.code, 'DKR012');
    assert.ok(searchRules('binlog format').some((m) => m.name === 'binlog-format-not-row'));
    for (const q of ['', 'DG001', 'DG002', 'internal error', 'not linted', 'file']) assert.ok(!searchRules(q).some((m) => /^DG/.test(m.code)), q);
  });

  it('topic pages list their rules grouped by kind, without internal rules', () => {
    const page = topicMarkdown('what-is-devops')!;
    assert.ok(!/\bDG00\d\b/.test(page), 'the "what is DevOps" page lists an internal rule');
    const mixed = topicMarkdown('configuration-management')!;
    const headings = [...mixed.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    assert.ok(headings.length >= 2, `no kind groups: ${headings}`);
  });
});

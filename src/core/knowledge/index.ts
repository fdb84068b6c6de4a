import { loadJsonAsset } from '../assets';
import type { KnowledgeBase, RuleDoc, Topic } from './schema';
import { index, queryWords, rank, type Indexed } from './search';

/** The knowledge base, validated at build time and shipped as the `kb.json` asset; read on first use. */
export function knowledgeBase(): KnowledgeBase {
  return loadJsonAsset<KnowledgeBase>('kb.json');
}

let byCode: Map<string, RuleDoc> | undefined;
export function ruleDoc(code: string): RuleDoc | undefined {
  if (!byCode) byCode = new Map(knowledgeBase().rules.map((r) => [r.code, r]));
  return byCode.get(code);
}

export function topics(): Topic[] {
  return knowledgeBase().topics;
}

export function topic(id: string): Topic | undefined {
  return topics().find((t) => t.id === id);
}

let topicIndex: Indexed<Topic>[] | undefined;

/**
 * Ranks topics for a free-text query (see search.ts: whole words, stop words, synonyms, title hits first). An empty
 * query returns every topic in title order.
 */
export function searchTopics(query: string): Topic[] {
  const all = [...topics()].sort((a, b) => a.title.localeCompare(b.title));
  if (!queryWords(query).length) return all;
  topicIndex ??= index(all, (t) => ({ title: t.title, keys: [t.id, ...t.keywords], summary: t.summary, body: t.body }));
  return rank(topicIndex, query);
}

import { loadJsonAsset } from '../assets';
import type { KnowledgeBase, RuleDoc, Topic } from './schema';

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

function words(s: string): string[] {
  return s.toLowerCase().split(/[^a-z0-9.+#]+/).filter(Boolean);
}

/**
 * Ranks topics for a free-text query: every query word must appear somewhere; title and keyword hits weigh most.
 * An empty query returns every topic in title order.
 */
export function searchTopics(query: string): Topic[] {
  const q = words(query);
  const all = [...topics()].sort((a, b) => a.title.localeCompare(b.title));
  if (!q.length) return all;
  const scored: { t: Topic; score: number }[] = [];
  for (const t of all) {
    const title = t.title.toLowerCase();
    const keys = t.keywords.map((k) => k.toLowerCase());
    const summary = t.summary.toLowerCase();
    const body = t.body.toLowerCase();
    let score = 0;
    let all = true;
    for (const w of q) {
      let s = 0;
      if (title.split(/\W+/).includes(w)) s += 10;
      else if (title.includes(w)) s += 6;
      if (keys.some((k) => k === w)) s += 8;
      else if (keys.some((k) => k.includes(w))) s += 4;
      if (summary.includes(w)) s += 2;
      if (body.includes(w)) s += 1;
      if (!s) {
        all = false;
        break;
      }
      score += s;
    }
    if (all) scored.push({ t, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.t.title.localeCompare(b.t.title)).map((x) => x.t);
}

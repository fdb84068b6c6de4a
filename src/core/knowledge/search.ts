/**
 * Free-text search of the knowledge base: whole words (with a plural folded to its singular), stop words ignored,
 * a few synonyms (lag/delay, health check/healthcheck, semi-sync/semisync/semi-synchronous…), title hits first.
 */

/** Words that say nothing about a topic. */
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how i if in into is it its me my not of on or our should so than that the their them then there these this to vs was we what when where which who why will with without you your'.split(
    ' ',
  ),
);

/** Spellings of one idea written as one word, applied to the text before it is split into words. */
const PHRASES: [RegExp, string][] = [
  [/\bhealth[\s-]+checks?\b/g, 'healthcheck'],
  [/\bsemi[\s-]*sync(?:hronous)?\b/g, 'semisync'],
  [/\bgroup[\s-]+commit\b/g, 'groupcommit'],
  [/\bread[\s-]+only\b/g, 'readonly'],
];

/** Words that mean the same thing here; a query word matches any word of its group. */
const SYNONYMS: string[][] = [
  ['lag', 'delay', 'behind'],
  ['replica', 'slave'],
  ['source', 'master'],
  ['kubernetes', 'k8s'],
  ['database', 'db'],
  ['performance', 'perf'],
  ['configuration', 'config'],
];
const SYNONYM_OF = new Map<string, string[]>();
for (const g of SYNONYMS) for (const w of g) SYNONYM_OF.set(w, g);

const WORD = /[a-z0-9][a-z0-9_+#.-]*[a-z0-9+#]|[a-z0-9]/g;

function normalize(text: string): string {
  let t = text.toLowerCase();
  for (const [re, to] of PHRASES) t = t.replace(re, to);
  return t;
}

function singular(w: string): string {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !/\d/.test(w) ? w.slice(0, -1) : w;
}

/**
 * The words of a text, each singular: a compound (`non-root`, `innodb_redo_log_capacity`, `semi.sync`) counts as
 * itself and as each of its parts.
 */
export function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of normalize(text).matchAll(WORD)) {
    const w = m[0];
    out.add(singular(w));
    if (/[_.-]/.test(w)) for (const part of w.split(/[_.-]+/)) if (part) out.add(singular(part));
  }
  return out;
}

/** The words of a query that carry meaning, each singular; a compound stays whole (`non-root`); stop words dropped. */
export function queryWords(query: string): string[] {
  const out: string[] = [];
  for (const m of normalize(query).matchAll(WORD)) {
    const w = singular(m[0]);
    if (!STOP_WORDS.has(w) && !out.includes(w)) out.push(w);
  }
  return out;
}

/** The words a query word stands for: itself and its synonyms. */
export function alternatives(word: string): string[] {
  return SYNONYM_OF.get(word) ?? [word];
}

/** A document's searchable fields, in decreasing weight. */
export interface SearchFields {
  /** The title (a topic's title; a rule's code and name). Weight 100 per word: title hits rank first. */
  title: string;
  /** Exact identifiers and keywords (aliases, keywords). Weight 40. */
  keys: string[];
  /** The one-line summary. Weight 10. */
  summary: string;
  /** The body. Weight 1. */
  body?: string;
}

export interface Indexed<T> {
  item: T;
  title: Set<string>;
  keys: Set<string>;
  summary: Set<string>;
  body: Set<string>;
}

export function index<T>(items: T[], fields: (t: T) => SearchFields): Indexed<T>[] {
  return items.map((item) => {
    const f = fields(item);
    return { item, title: wordsOf(f.title), keys: wordsOf(f.keys.join(' ')), summary: wordsOf(f.summary), body: wordsOf(f.body ?? '') };
  });
}

/**
 * Items where every query word (or one of its synonyms) is a whole word of some field, best first: the sum over
 * query words of the best field's weight, then the order given. An empty query (or only stop words) gives [].
 */
export function rank<T>(indexed: Indexed<T>[], query: string): T[] {
  const q = queryWords(query);
  if (!q.length) return [];
  const scored: { item: T; score: number; i: number }[] = [];
  indexed.forEach((d, i) => {
    let score = 0;
    for (const w of q) {
      const alts = alternatives(w);
      const has = (s: Set<string>) => alts.some((a) => s.has(a));
      const s = has(d.title) ? 100 : has(d.keys) ? 40 : has(d.summary) ? 10 : has(d.body) ? 1 : 0;
      if (!s) return;
      score += s;
    }
    scored.push({ item: d.item, score, i });
  });
  return scored.sort((a, b) => b.score - a.score || a.i - b.i).map((x) => x.item);
}

/** Rule and topic pages as Markdown, for the editor (hover, explain, topic look-up) and the CLI (explain, topics). */
import type { RuleMeta } from './rule';
import { ruleDoc, topic, topics } from './knowledge/index';
import { index, queryWords, rank, type Indexed } from './knowledge/search';
import type { Topic } from './knowledge/schema';
import { allRules, findRule, language } from './registry';

const SEVERITY_WORD = { error: 'error', warning: 'warning', info: 'info', hint: 'hint', off: 'off by default' } as const;
const FIX_WORD = { none: 'no automatic fix', safe: 'safe quick fix', unsafe: 'quick fix (review it: may change behaviour)' } as const;

function fence(code: string, kind: RuleMeta['kind']): string {
  const lang = kind === 'any' ? '' : language(kind).fence;
  return '```' + lang + '\n' + code.replace(/\n+$/, '') + '\n```';
}

/** One-line identity of a rule: code, name, then (kind, severity, fix). */
export function ruleTitle(meta: RuleMeta): string {
  return `${meta.code} ${meta.name} (${meta.kind === 'any' ? 'all kinds' : meta.kind}, ${SEVERITY_WORD[meta.severity]}, ${FIX_WORD[meta.fix]})`;
}

/** The full documentation page of a rule. `linkTopic` turns a topic id into a Markdown link target. */
export function ruleMarkdown(codeOrName: string, linkTopic?: (id: string) => string): string | undefined {
  const meta = findRule(codeOrName);
  if (!meta) return undefined;
  const doc = ruleDoc(meta.code);
  const out: string[] = [`# ${meta.code} · ${meta.name}`, ''];
  const facts = [
    `**Kind:** ${meta.kind === 'any' ? 'all' : meta.kind}`,
    `**Default severity:** ${SEVERITY_WORD[meta.severity]}`,
    `**Fix:** ${FIX_WORD[meta.fix]}`,
  ];
  if (meta.aliases?.length) facts.push(`**Also known as:** ${meta.aliases.join(', ')}`);
  out.push(facts.join(' · '), '');
  if (!doc) {
    out.push('_This rule has no documentation yet._');
    return out.join('\n');
  }
  out.push(doc.summary, '', '## Why it matters', '', doc.why.trim(), '', '## Problem', '', fence(doc.bad, meta.kind), '', '## Better', '', fence(doc.good, meta.kind), '', '## How to fix', '', doc.fix.trim(), '');
  if (doc.options) out.push('## Options', '', doc.options.trim(), '');
  if (meta.kind !== 'any') out.push(...(language(meta.kind).pageNote?.(doc) ?? []));
  out.push('## Ignoring it', '', `Put \`# devops-guidance ignore=${meta.code}\` on the line above, or \`# devops-guidance ignore-file=${meta.code}\` anywhere in the file${meta.kind === 'any' ? '' : (language(meta.kind).ignoreNote?.(meta.code) ?? '')}; or set \`"${meta.code}": "off"\` under \`devopsGuidance.rules\` or \`rules:\` in \`.devops-guidance.yaml\`.`, '');
  out.push('## References', '', ...doc.references.map((r) => `- [${r.title}](${r.url})`), '');
  const ts = doc.topics.map((id) => topic(id)).filter((t): t is Topic => !!t);
  if (ts.length) out.push('## Topics', '', ...ts.map((t) => `- ${linkTopic ? `[${t.title}](${linkTopic(t.id)})` : `${t.title} (\`${t.id}\`)`}`), '');
  return out.join('\n');
}

/** The first sentence of a Markdown paragraph, on one line (for hovers). */
export function firstSentence(md: string, max = 220): string {
  const flat = md.trim().split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ');
  const m = /^(.+?[.!?])(?=\s+[A-Z`(*_]|$)/.exec(flat);
  const one = m ? m[1] : flat;
  return one.length > max ? `${one.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : one;
}

/**
 * Short Markdown for a hover on a finding: the rule's identity and a one-line fix (the editor shows the finding's
 * message just above, and adds links to the rule's page). With `message`, the message leads (for hosts that do not
 * show it). The why, the examples and the references stay on the rule's page.
 */
export function ruleHoverMarkdown(code: string, message?: string): string | undefined {
  const meta = findRule(code);
  if (!meta) return undefined;
  const doc = ruleDoc(meta.code);
  const out = [`**${meta.code} ${meta.name}**${message ? ` — ${message}` : ''}`];
  if (doc) out.push('', `**Fix:** ${firstSentence(doc.fix)}`);
  return out.join('\n');
}

export function topicMarkdown(id: string, linkRule?: (code: string) => string, linkTopic?: (id: string) => string): string | undefined {
  const t = topic(id);
  if (!t) return undefined;
  const out = [`# ${t.title}`, '', `_${t.summary}_`, '', t.body.trim(), ''];
  const rules = t.rules.map((c) => findRule(c)).filter((m): m is RuleMeta => !!m && isUserRule(m));
  if (rules.length) {
    out.push('## Rules that apply this', '');
    // grouped by kind, in the catalogue's order within each
    const kinds = [...new Set(rules.map((m) => m.kind))];
    for (const kind of kinds) {
      const group = rules.filter((m) => m.kind === kind);
      if (kinds.length > 1) out.push(`### ${kind === 'any' ? 'All kinds' : (language(kind).title ?? kind)}`, '');
      for (const m of group) out.push(`- ${linkRule ? `[${m.code}](${linkRule(m.code)})` : m.code} ${m.name} — ${ruleDoc(m.code)?.summary ?? ''}`);
      out.push('');
    }
  }
  const related = t.related.map((r) => topic(r)).filter((x): x is Topic => !!x);
  if (related.length) out.push('## Related topics', '', ...related.map((r) => `- ${linkTopic ? `[${r.title}](${linkTopic(r.id)})` : `${r.title} (\`${r.id}\`)`}`), '');
  if (t.references.length) out.push('## References', '', ...t.references.map((r) => `- [${r.title}](${r.url})`), '');
  return out.join('\n');
}

/** Rules a user meets and looks up: not the engine's own internal findings (DG001, DG002: kind `any`). */
export function isUserRule(m: RuleMeta): boolean {
  return m.kind !== 'any';
}

let ruleIndex: Indexed<RuleMeta>[] | undefined;

/**
 * Rules for a free-text query: by code or alias (exact), name, summary (whole words, stop words, synonyms); the
 * engine's internal rules are never offered. An empty query returns every rule in code order.
 */
export function searchRules(query: string): RuleMeta[] {
  const all = allRules().filter(isUserRule);
  const q = query.trim().toLowerCase();
  const exact = all.filter((m) => m.code.toLowerCase() === q || m.name === q || m.aliases?.some((a) => a.toLowerCase() === q));
  if (!queryWords(query).length) return exact.length ? exact : all;
  ruleIndex ??= index(all, (m) => ({ title: `${m.code} ${m.name.replace(/-/g, ' ')}`, keys: m.aliases ?? [], summary: ruleDoc(m.code)?.summary ?? '', body: ruleDoc(m.code)?.why }));
  const ranked = rank(ruleIndex, query);
  return [...exact, ...ranked.filter((m) => !exact.includes(m))];
}

export { allRules, topics };

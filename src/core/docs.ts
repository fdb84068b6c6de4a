/** Rule and topic pages as Markdown, for the editor (hover, explain, topic look-up) and the CLI (explain, topics). */
import type { RuleMeta } from './rule';
import { ruleDoc, topic, topics } from './knowledge/index';
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
  out.push('## Ignoring it', '', `Put \`# devops-guidance ignore=${meta.code}\` on the line above, or \`# devops-guidance ignore-file=${meta.code}\` anywhere in the file${meta.kind === 'any' ? '' : (language(meta.kind).ignoreNote?.(meta.code) ?? '')}; or set \`"${meta.code}": "off"\` under \`devopsGuidance.rules\` or \`rules:\` in \`.devops-guidance.yaml\`.`, '');
  out.push('## References', '', ...doc.references.map((r) => `- [${r.title}](${r.url})`), '');
  const ts = doc.topics.map((id) => topic(id)).filter((t): t is Topic => !!t);
  if (ts.length) out.push('## Topics', '', ...ts.map((t) => `- ${linkTopic ? `[${t.title}](${linkTopic(t.id)})` : `${t.title} (\`${t.id}\`)`}`), '');
  return out.join('\n');
}

/** Short Markdown for a hover on a finding: the why and the fix, without the examples. */
export function ruleHoverMarkdown(code: string): string | undefined {
  const meta = findRule(code);
  if (!meta) return undefined;
  const doc = ruleDoc(meta.code);
  if (!doc) return `**${meta.code} ${meta.name}**`;
  return [`**${meta.code} ${meta.name}** — ${doc.summary}`, '', `**Why:** ${doc.why.trim()}`, '', `**Fix:** ${doc.fix.trim()}`].join('\n');
}

export function topicMarkdown(id: string, linkRule?: (code: string) => string, linkTopic?: (id: string) => string): string | undefined {
  const t = topic(id);
  if (!t) return undefined;
  const out = [`# ${t.title}`, '', `_${t.summary}_`, '', t.body.trim(), ''];
  const rules = t.rules.map((c) => findRule(c)).filter((m): m is RuleMeta => !!m);
  if (rules.length) {
    out.push('## Rules that apply this', '');
    for (const m of rules) out.push(`- ${linkRule ? `[${m.code}](${linkRule(m.code)})` : m.code} ${m.name} — ${ruleDoc(m.code)?.summary ?? ''}`);
    out.push('');
  }
  const related = t.related.map((r) => topic(r)).filter((x): x is Topic => !!x);
  if (related.length) out.push('## Related topics', '', ...related.map((r) => `- ${linkTopic ? `[${r.title}](${linkTopic(r.id)})` : `${r.title} (\`${r.id}\`)`}`), '');
  if (t.references.length) out.push('## References', '', ...t.references.map((r) => `- [${r.title}](${r.url})`), '');
  return out.join('\n');
}

export { allRules, topics };

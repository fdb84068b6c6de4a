/**
 * Every problem of a project configuration file (`.devops-guidance.yaml`, `.hadolint.yaml`) at once, each at the line
 * and column of its key or value: YAML syntax errors, schema errors, and rule codes or names that match no rule
 * (warnings, with "did you mean"). The engine's own parse stops at the first error; the editor shows them all.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { allRules, didYouMean, findRule, hadolintConfigSchema, userConfigSchema } from '../core/index';

export interface ConfigProblem {
  line: number;
  column: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning';
}

const cache = new Map<string, { mtimeMs: number; size: number; problems: ConfigProblem[] }>();

export function configFileProblems(file: string): ConfigProblem[] {
  try {
    const st = statSync(file);
    const c = cache.get(file);
    if (c && c.mtimeMs === st.mtimeMs && c.size === st.size) return c.problems;
    const problems = problemsOf(readFileSync(file, 'utf8'), /hadolint/.test(basename(file)));
    cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, problems });
    return problems;
  } catch {
    return [];
  }
}

/** A rule key or code the registry does not know: the message, with the closest codes or names. */
export function unknownRuleMessage(key: string): string | undefined {
  if (findRule(key) || /^SC\d{4}$/i.test(key)) return undefined;
  const candidates = allRules().flatMap((m) => [m.code, m.name, ...(m.aliases ?? [])]);
  const near = didYouMean(key, candidates).slice(0, 3);
  return `unknown rule "${key}"${near.length ? ` — did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''}`;
}

export function problemsOf(text: string, hadolint: boolean): ConfigProblem[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const at = (offset: number, endOffset?: number) => {
    const p = lc.linePos(offset);
    const e = endOffset !== undefined ? lc.linePos(endOffset) : p;
    return { line: p.line - 1, column: p.col - 1, endColumn: e.line === p.line ? e.col - 1 : Number.MAX_SAFE_INTEGER };
  };
  if (doc.errors.length) return doc.errors.map((e) => ({ ...at(e.pos[0], e.pos[1]), message: `invalid YAML: ${e.message.split('\n')[0]}`, severity: 'error' as const }));
  const out: ConfigProblem[] = [];
  const raw = doc.toJS() ?? {};
  const r = hadolint ? hadolintConfigSchema.safeParse(raw) : userConfigSchema().safeParse(raw);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const path = issue.path as (string | number)[];
      // an unknown key (zod's "unrecognized_keys") is reported on the key itself
      const keys = (issue as { keys?: string[] }).keys;
      if (issue.code === 'unrecognized_keys' && keys?.length) {
        for (const k of keys) {
          const n = keyNode(doc, path, k);
          out.push({ ...(n?.range ? at(n.range[0], n.range[1]) : { line: 0, column: 0, endColumn: Number.MAX_SAFE_INTEGER }), message: `${[...path, k].join('.')}: unknown key`, severity: 'error' });
        }
        continue;
      }
      const n = nodeAt(doc, path);
      out.push({ ...(n?.range ? at(n.range[0], n.range[1]) : { line: 0, column: 0, endColumn: Number.MAX_SAFE_INTEGER }), message: `${path.length ? path.join('.') : '(top level)'}: ${issue.message}`, severity: 'error' });
    }
  }
  // rule codes and names
  if (hadolint) {
    const lists: (string | number)[][] = [['ignored'], ...['error', 'warning', 'info', 'style'].map((l) => ['override', l])];
    for (const p of lists) {
      const seq = doc.getIn(p, true);
      if (!isSeq(seq)) continue;
      for (const item of seq.items) {
        if (!isScalar(item) || typeof item.value !== 'string') continue;
        const msg = unknownRuleMessage(item.value);
        if (msg && item.range) out.push({ ...at(item.range[0], item.range[1]), message: `${p.join('.')}: ${msg}`, severity: 'warning' });
      }
    }
  } else {
    const rules = doc.getIn(['rules'], true);
    if (isMap(rules)) {
      for (const pair of rules.items) {
        const k = pair.key;
        if (!isScalar(k) || typeof k.value !== 'string') continue;
        const msg = unknownRuleMessage(k.value);
        if (msg && k.range) out.push({ ...at(k.range[0], k.range[1]), message: `rules: ${msg}`, severity: 'warning' });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

function nodeAt(doc: Document, path: (string | number)[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n ? doc.getIn(path.slice(0, n), true) : doc.contents;
    if (node && typeof node === 'object' && 'range' in (node as object)) return node as Node;
  }
  return undefined;
}

function keyNode(doc: Document, path: (string | number)[], key: string): Node | undefined {
  const parent = path.length ? doc.getIn(path, true) : doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return nodeAt(doc, path);
}

import type { Kind, SeveritySetting } from './finding';
import type { ResolvedConfig } from './config';
import type { Language } from './language';
import type { RuleMeta } from './rule';
import { GENERAL_RULES } from './general';
import { KINDS, LANGUAGES } from './languages/index';

export function language(kind: Kind): Language<unknown> {
  return LANGUAGES[kind];
}

/** Every kind's language, in the order of KINDS. */
export function languages(): Language<unknown>[] {
  return KINDS.map((k) => LANGUAGES[k]);
}

let metas: RuleMeta[] | undefined;
let index: Map<string, RuleMeta> | undefined;

/** Every rule's metadata: the engine's own, then each kind's in registry order. */
export function allRules(): RuleMeta[] {
  if (!metas) {
    metas = [...GENERAL_RULES, ...languages().flatMap((l) => l.rules.map((r) => r.meta))];
  }
  return metas;
}

/** Finds a rule by code, name or alias (case-insensitive). */
export function findRule(token: string): RuleMeta | undefined {
  if (!index) {
    index = new Map();
    for (const m of allRules()) {
      for (const k of [m.code, m.name, ...(m.aliases ?? [])]) {
        const key = k.toLowerCase();
        if (!index.has(key)) index.set(key, m);
      }
    }
  }
  return index.get(token.toLowerCase());
}

export function ruleMeta(code: string): RuleMeta | undefined {
  return findRule(code);
}

/** The user's severity for a rule, if they set one by code, name or alias (code wins over name over alias). */
export function severitySettingFor(meta: RuleMeta, config: ResolvedConfig): SeveritySetting | undefined {
  const rules = config.rules;
  const lower = lowerKeys(rules);
  for (const k of [meta.code, meta.name, ...(meta.aliases ?? [])]) {
    const v = rules[k] ?? lower.get(k.toLowerCase());
    if (v) return v;
  }
  return undefined;
}

const lowerCache = new WeakMap<Record<string, SeveritySetting>, Map<string, SeveritySetting>>();
function lowerKeys(rules: Record<string, SeveritySetting>): Map<string, SeveritySetting> {
  let m = lowerCache.get(rules);
  if (!m) {
    m = new Map(Object.entries(rules).map(([k, v]) => [k.toLowerCase(), v]));
    lowerCache.set(rules, m);
  }
  return m;
}

/** Config keys that name no rule (a typo in a settings file); SC codes from ShellCheck are allowed. */
export function unknownRuleKeys(config: ResolvedConfig): string[] {
  return Object.keys(config.rules).filter((k) => !findRule(k) && !/^SC\d{4}$/.test(k));
}

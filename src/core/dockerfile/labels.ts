/** LABEL pairs of a stage (with those it inherits in this file), their values expanded, and the label-schema checks. */
import type { Instruction } from './syntax';
import type { Range } from '../finding';
import { cached, type DockerfileModel, type Stage } from './model';
import { lookupAt } from './analysis';
import { pairs } from './instructions';
import { expand, UNKNOWN } from './variables';

export interface LabelDef {
  name: string;
  /** As written (quotes kept). */
  raw: string;
  /** Expanded; may hold UNKNOWN. */
  value: string;
  nameRange: Range;
  valueRange: Range;
  ins: Instruction;
  stage: Stage;
}

/** Labels set by each stage's own LABEL instructions. */
export function stageLabels(m: DockerfileModel): Map<Stage, LabelDef[]> {
  return cached(m, 'labels', () => {
    const out = new Map<Stage, LabelDef[]>();
    for (const stage of m.stages) {
      const list: LabelDef[] = [];
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'LABEL') continue;
        const lookup = lookupAt(m, ins);
        for (const p of pairs(m, ins)) {
          if (!p.name) continue;
          const raw = p.raw ?? '';
          const vs = p.valueStart ?? p.nameEnd;
          const x = expand(raw, vs, lookup, { escapeChar: m.escapeChar });
          const name = p.name.includes('$') ? expand(p.name, p.nameStart, lookup, { escapeChar: m.escapeChar }).value : p.name;
          list.push({
            name,
            raw,
            value: x.value,
            nameRange: m.lines.rangeOf(p.nameStart, p.nameEnd),
            valueRange: m.lines.rangeOf(vs, p.valueEnd ?? vs),
            ins,
            stage,
          });
        }
      }
      out.set(stage, list);
    }
    return out;
  });
}

/** The effective value of each label in a stage: its own last definition, else the nearest ancestor's. */
export function effectiveLabels(m: DockerfileModel, stage: Stage): Map<string, LabelDef> {
  const own = stageLabels(m);
  const chain: Stage[] = [];
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    chain.unshift(s);
  }
  const out = new Map<string, LabelDef>();
  for (const s of chain) for (const l of own.get(s) ?? []) out.set(l.name, l);
  return out;
}

export const isKnown = (v: string): boolean => !v.includes(UNKNOWN);

const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isUrl(v: string): boolean {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(v) || /\s/.test(v)) return false;
  try {
    const u = new URL(v);
    return !/^(https?|ftp|wss?):$/.test(u.protocol) || !!u.host;
  } catch {
    return false;
  }
}
export const isRfc3339 = (v: string): boolean => RFC3339.test(v);
/** A git commit id: 7 to 40 hex digits (SHA-1), or 64 (SHA-256 repositories). */
export const isGitHash = (v: string): boolean => /^[0-9a-f]{7,40}$/.test(v) || /^[0-9a-f]{64}$/.test(v);
/** Semantic versioning 2.0.0 (a leading `v` accepted, as tags often have it). */
export const isSemver = (v: string): boolean => SEMVER.test(v);
export const isEmail = (v: string): boolean => EMAIL.test(v) && v.length <= 254;

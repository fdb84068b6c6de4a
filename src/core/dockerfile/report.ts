/** Small helpers rules share: ranges from offsets, and how an expanded value came about. */
import type { Range } from '../finding';
import type { DockerfileModel } from './model';
import type { Binding, Expansion } from './variables';
import { sourceSpan, UNKNOWN } from './variables';

export function span(m: DockerfileModel, start: number, end: number): Range {
  return m.lines.rangeOf(start, end);
}

/** The document range of `value[from, to)` of an expansion. */
export function expansionRange(m: DockerfileModel, x: Expansion, from: number, to: number): Range | undefined {
  const s = sourceSpan(x, from, to);
  return s ? m.lines.rangeOf(s.start, s.end) : undefined;
}

/** ` (ARG BASE, line 3)`-style note naming the variables a value came from; empty when none. */
export function via(x: Expansion, lookup: (name: string) => Binding | undefined): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const r of x.refs) {
    if (seen.has(r.name)) continue;
    seen.add(r.name);
    const b = lookup(r.name);
    if (!b) continue;
    const what = b.kind === 'env' ? 'ENV' : b.kind === 'predefined' ? 'predefined ARG' : 'ARG';
    parts.push(`${what} ${r.name}${b.line !== undefined ? ` on line ${b.line + 1}` : ''}`);
  }
  return parts.length ? ` (from ${parts.join(', ')})` : '';
}

/** A value for messages: unknown pieces shown as `…`. */
export function shown(value: string): string {
  return value.split(UNKNOWN).join('…');
}

/** EXPOSE words: `[ip:][hostport:]port[-end][/proto]`, after variable expansion. */
import type { Instruction } from './syntax';
import type { Range } from '../finding';
import type { DockerfileModel } from './model';
import { expandAt } from './analysis';
import { argsSpan, splitWords } from './instructions';
import { sourceSpan, UNKNOWN, type Expansion } from './variables';

export interface PortSpec {
  /** The word as written. */
  raw: string;
  /** The expanded word. */
  value: string;
  range: Range;
  /** The container port or range (`80`, `8000-8010`), its numbers, and its range in the document. */
  port: string;
  from: number;
  to: number;
  portRange: Range;
  /** `/tcp`, `/udp`, `/sctp` as written (without the slash), and its range. */
  proto?: string;
  protoRange?: Range;
  /** Everything before the container port (`127.0.0.1:8080:`), when present, and its range. */
  host?: string;
  hostRange?: Range;
  /** The word came from a variable. */
  fromVariable: boolean;
}

function rangeIn(m: DockerfileModel, x: Expansion, from: number, to: number, fallback: Range): Range {
  const s = sourceSpan(x, from, to);
  return s ? m.lines.rangeOf(s.start, s.end) : fallback;
}

/** The ports of one EXPOSE instruction; words with unknown pieces are skipped. */
export function exposedPorts(m: DockerfileModel, ins: Instruction): PortSpec[] {
  const span = argsSpan(m, ins);
  if (!span) return [];
  const out: PortSpec[] = [];
  for (const w of splitWords(m.text, span.start, span.end, m.escapeChar)) {
    const raw = m.text.slice(w.start, w.end);
    const x = expandAt(m, ins, raw, w.start);
    const wordRange = m.lines.rangeOf(w.start, w.end);
    // a variable may hold several ports: split the expansion again on blanks
    const re = /[^\s]+/g;
    let mm: RegExpExecArray | null;
    while ((mm = re.exec(x.value))) {
      const value = mm[0];
      if (value.includes(UNKNOWN)) continue;
      const base = mm.index;
      const slash = value.lastIndexOf('/');
      const body = slash >= 0 ? value.slice(0, slash) : value;
      const colon = body.lastIndexOf(':');
      const portStart = colon + 1;
      const port = body.slice(portStart);
      const [a, b] = port.split('-');
      const spec: PortSpec = {
        raw,
        value,
        range: rangeIn(m, x, base, base + value.length, wordRange),
        port,
        from: /^\d+$/.test(a ?? '') ? Number(a) : NaN,
        to: b === undefined ? (/^\d+$/.test(a ?? '') ? Number(a) : NaN) : /^\d+$/.test(b) ? Number(b) : NaN,
        portRange: rangeIn(m, x, base + portStart, base + body.length, wordRange),
        fromVariable: x.refs.length > 0,
      };
      if (slash >= 0) {
        spec.proto = value.slice(slash + 1);
        spec.protoRange = rangeIn(m, x, base + slash + 1, base + value.length, wordRange);
      }
      if (colon >= 0) {
        spec.host = body.slice(0, portStart);
        spec.hostRange = rangeIn(m, x, base, base + portStart, wordRange);
      }
      out.push(spec);
    }
  }
  return out;
}

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

const DIGITS = /^\d+$/;

// Four rules read the ports of each EXPOSE: read them once per instruction (an instruction belongs to one model).
const portsOf = new WeakMap<Instruction, PortSpec[]>();

/** The ports of one EXPOSE instruction; words with unknown pieces are skipped. */
export function exposedPorts(m: DockerfileModel, ins: Instruction): PortSpec[] {
  let ports = portsOf.get(ins);
  if (!ports) portsOf.set(ins, (ports = readPorts(m, ins)));
  return ports;
}

// A port keeps offsets and makes its ranges when a rule asks (a rule reports few of them; an EXPOSE of tens of
// thousands of ports must not allocate four ranges per port up front).
class Port implements PortSpec {
  proto?: string;
  host?: string;
  constructor(
    private readonly m: DockerfileModel,
    private readonly x: Expansion,
    private readonly word: { start: number; end: number },
    private readonly base: number,
    private readonly slash: number,
    private readonly colon: number,
    readonly raw: string,
    readonly value: string,
    readonly port: string,
    readonly from: number,
    readonly to: number,
  ) {
    if (slash >= 0) this.proto = value.slice(slash + 1);
    if (colon >= 0) this.host = value.slice(0, colon + 1);
  }
  private span(from: number, to: number): Range {
    const s = sourceSpan(this.x, this.base + from, this.base + to);
    return s ? this.m.lines.rangeOf(s.start, s.end) : this.m.lines.rangeOf(this.word.start, this.word.end);
  }
  private get bodyEnd(): number {
    return this.slash >= 0 ? this.slash : this.value.length;
  }
  get range(): Range {
    return this.span(0, this.value.length);
  }
  get portRange(): Range {
    return this.span(this.colon + 1, this.bodyEnd);
  }
  get protoRange(): Range | undefined {
    return this.slash >= 0 ? this.span(this.slash + 1, this.value.length) : undefined;
  }
  get hostRange(): Range | undefined {
    return this.colon >= 0 ? this.span(0, this.colon + 1) : undefined;
  }
  get fromVariable(): boolean {
    return this.x.refs.length > 0;
  }
}

function readPorts(m: DockerfileModel, ins: Instruction): PortSpec[] {
  const span = argsSpan(m, ins);
  if (!span) return [];
  const out: PortSpec[] = [];
  for (const w of splitWords(m.text, span.start, span.end, m.escapeChar)) {
    const raw = m.text.slice(w.start, w.end);
    const x = expandAt(m, ins, raw, w.start);
    // a variable may hold several ports: split the expansion again on blanks
    const re = /[^\s]+/g;
    let mm: RegExpExecArray | null;
    while ((mm = re.exec(x.value))) {
      const value = mm[0];
      if (value.includes(UNKNOWN)) continue;
      const slash = value.lastIndexOf('/');
      const bodyEnd = slash >= 0 ? slash : value.length;
      const colon = value.lastIndexOf(':', bodyEnd - 1);
      const port = value.slice(colon + 1, bodyEnd);
      const dash = port.indexOf('-');
      const a = dash >= 0 ? port.slice(0, dash) : port;
      // as split('-') read it: a second dash ends the range's end
      const b = dash >= 0 ? port.slice(dash + 1).split('-')[0] : undefined;
      const from = DIGITS.test(a) ? Number(a) : NaN;
      const to = b === undefined ? from : DIGITS.test(b) ? Number(b) : NaN;
      out.push(new Port(m, x, w, mm.index, slash, colon, raw, value, port, from, to));
    }
  }
  return out;
}

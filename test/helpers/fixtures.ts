/**
 * Fixture files with their expected findings written inline, as comments:
 *
 *   FROM node:latest
 *   #         ^^^^^^ DL3007          caret marker: a finding of that code starting exactly at the first caret on the
 *                                   line above (markers skipped); when the finding is on one line it must end after
 *                                   the last caret. Several codes: `^^^ DL3007,DL3006`.
 *   # expect: DL3006                line marker: a finding of that code starting on the next line that is not a marker.
 *   # fixture-config: {"rules": {"DL3057": "warning"}}    a UserConfig (JSON) for this fixture.
 *   # fixture-fix-may-add: DL3059   codes a fix is allowed to surface.
 *
 * The comment leader is `#` (all kinds) or `;` (option files). Marker lines are part of the file as linted.
 */
import type { Finding, Kind, UserConfig } from '../../src/core/index';

export interface Expectation {
  code: string;
  line: number;
  /** Exact start column (caret markers only). */
  startChar?: number;
  /** Exact end column on the same line (caret markers only, single-line findings). */
  endChar?: number;
  markerLine: number;
}

export interface FixtureSpec {
  expectations: Expectation[];
  config?: UserConfig;
  fixMayAdd: string[];
  markerLines: Set<number>;
}

const CODE = String.raw`[A-Z]{2,3}\d{3,4}`;
const CARET = new RegExp(String.raw`^(\s*)[#;](\s*)(\^+)\s+(${CODE}(?:\s*,\s*${CODE})*)\s*$`);
const EXPECT = new RegExp(String.raw`^\s*[#;]\s*expect:\s*(${CODE}(?:\s*,\s*${CODE})*)\s*$`);
const CONFIG = /^\s*[#;]\s*fixture-config:\s*(\{.*\})\s*$/;
const MAY_ADD = /^\s*[#;]\s*fixture-fix-may-add:\s*(.+)$/;

export function parseFixture(text: string): FixtureSpec {
  const lines = text.split(/\r\n|\r|\n/);
  const markerLines = new Set<number>();
  const expectations: Expectation[] = [];
  let config: UserConfig | undefined;
  const fixMayAdd: string[] = [];
  const pendingLine: { codes: string[]; markerLine: number }[] = [];
  lines.forEach((l, i) => {
    if (CARET.test(l) || EXPECT.test(l) || CONFIG.test(l) || MAY_ADD.test(l)) markerLines.add(i);
  });
  lines.forEach((l, i) => {
    let m = CARET.exec(l);
    if (m) {
      let target = i - 1;
      while (target >= 0 && markerLines.has(target)) target--;
      const start = l.indexOf('^');
      const end = start + m[3].length;
      for (const code of m[4].split(',').map((s) => s.trim())) {
        expectations.push({ code, line: target, startChar: start, endChar: end, markerLine: i });
      }
      return;
    }
    m = EXPECT.exec(l);
    if (m) {
      pendingLine.push({ codes: m[1].split(',').map((s) => s.trim()), markerLine: i });
      return;
    }
    m = CONFIG.exec(l);
    if (m) {
      config = JSON.parse(m[1]);
      return;
    }
    m = MAY_ADD.exec(l);
    if (m) {
      fixMayAdd.push(...m[1].split(',').map((s) => s.trim()));
      return;
    }
    if (pendingLine.length && !markerLines.has(i)) {
      for (const p of pendingLine.splice(0)) for (const code of p.codes) expectations.push({ code, line: i, markerLine: p.markerLine });
    }
  });
  if (pendingLine.length) throw new Error(`"expect:" marker on line ${pendingLine[0].markerLine + 1} has no line after it`);
  return { expectations, config, fixMayAdd, markerLines };
}

export function describeFinding(f: Finding): string {
  const r = f.range;
  return `${f.code} ${r.start.line + 1}:${r.start.character}-${r.end.line + 1}:${r.end.character} ${f.message}`;
}

/** Compares actual findings (restricted to `codes`) with expectations; returns readable mismatches. */
export function compare(spec: FixtureSpec, findings: Finding[], codes: Set<string>): string[] {
  const actual = findings.filter((f) => codes.has(f.code));
  const unmatched = [...actual];
  const problems: string[] = [];
  for (const e of spec.expectations) {
    if (!codes.has(e.code)) continue;
    const i = unmatched.findIndex(
      (f) =>
        f.code === e.code &&
        f.range.start.line === e.line &&
        (e.startChar === undefined || f.range.start.character === e.startChar) &&
        (e.endChar === undefined || f.range.end.line !== f.range.start.line || f.range.end.character === e.endChar),
    );
    if (i >= 0) unmatched.splice(i, 1);
    else {
      const near = actual.filter((f) => f.code === e.code && f.range.start.line === e.line).map(describeFinding);
      problems.push(
        `missing ${e.code} at line ${e.line + 1}${e.startChar !== undefined ? ` col ${e.startChar}-${e.endChar}` : ''} (marker line ${e.markerLine + 1})` +
          (near.length ? `; found instead: ${near.join(' | ')}` : ''),
      );
    }
  }
  for (const f of unmatched) problems.push(`unexpected ${describeFinding(f)}`);
  return problems;
}

export const FIXTURE_EXT: Record<Kind, RegExp> = {
  dockerfile: /\.Dockerfile$/,
  mycnf: /\.cnf$/,
  vagrantfile: /\.Vagrantfile$/,
};

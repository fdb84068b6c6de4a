/**
 * Fix-all round trip over every real file in test/corpus/files/<kind>/: apply every safe fix at once (the core's
 * planFixes, as the editor's source.fixAll and the CLI's --fix do), lint again, repeat until nothing changes.
 * Per file: a fixed point within 3 rounds; no two edits of a round overlap; no syntax or parse finding appears that
 * was not there; each fixed finding is gone from the place it was fixed; no edit writes inside a comment or a
 * template tag.
 * The figures (files, edits, rounds, merged and deferred fixes) are printed.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { engineReady, CORPUS } from '../helpers/setup';
import { nodeEnv } from '../../src/node/host';
import { lint, defaultConfig, kindOf, planFixes, applyFixes, editsConflict, fixText, LineIndex, type Finding, type Kind } from '../../src/core/index';
import { describeFinding } from '../helpers/fixtures';
import { writesInComment, writesInTemplate } from '../helpers/edits';

/** Findings that mean the text no longer parses (or the engine failed): a fix must never add one. */
const SYNTAX = new Set(['DG001', 'DL1000', 'MYC001', 'MYC003', 'MYC005', 'MYC008', 'MYC009', 'MYC010', 'VGT005']);
const MAX_ROUNDS = 3;

function corpusFiles(kind: Kind): string[] {
  const dir = join(CORPUS, kind);
  if (!existsSync(dir)) throw new Error(`the corpus folder ${dir} is missing`);
  return readdirSync(dir)
    .filter((f) => kindOf(f) === kind || (kind === 'mycnf' && f.endsWith('.cnf')))
    .sort()
    .map((f) => join(dir, f));
}

interface Totals {
  files: number;
  changed: number;
  edits: number;
  fixes: number;
  merged: number;
  deferred: number;
  maxRounds: number;
}

describe('corpus fix-all round trip', () => {
  before(engineReady);
  const all: Record<string, Totals> = {};
  after(() => {
    for (const [kind, t] of Object.entries(all)) {
      console.log(
        `      fix-all ${kind}: ${t.files} files, ${t.changed} changed, ${t.fixes} fixes (${t.edits} edits) applied, ` +
          `${t.merged} merged into an identical fix, ${t.deferred} deferred to a later round, at most ${t.maxRounds} round(s) to a fixed point`,
      );
    }
  });
  for (const kind of ['dockerfile', 'mycnf', 'vagrantfile'] as Kind[]) {
    it(`${kind}: every file reaches a fixed point within ${MAX_ROUNDS} rounds, without overlaps, new syntax errors or edits in comments or template tags`, () => {
      const files = corpusFiles(kind);
      assert.ok(files.length > 0, 'no corpus files');
      const totals: Totals = { files: files.length, changed: 0, edits: 0, fixes: 0, merged: 0, deferred: 0, maxRounds: 0 };
      all[kind] = totals;
      const problems: string[] = [];
      for (const file of files) {
        const name = file.split('/').pop()!;
        const env = nodeEnv(file, { root: CORPUS });
        const run = (t: string): Finding[] => lint(t, kind, defaultConfig(), env);
        let text = readFileSync(file, 'utf8');
        let findings = run(text);
        let rounds = 0;
        while (true) {
          const plan = planFixes(findings);
          if (!plan.edits.length) break;
          if (rounds === MAX_ROUNDS) {
            problems.push(`${name}: still fixable after ${MAX_ROUNDS} rounds: ${plan.fixed.map(describeFinding).join(' | ')}`);
            break;
          }
          rounds++;
          for (let i = 0; i < plan.edits.length; i++) {
            for (let j = i + 1; j < plan.edits.length; j++) {
              if (editsConflict(plan.edits[i], plan.edits[j])) problems.push(`${name} round ${rounds}: overlapping edits ${JSON.stringify(plan.edits[i])} ${JSON.stringify(plan.edits[j])}`);
            }
          }
          const idx = new LineIndex(text);
          for (const f of plan.fixed) {
            for (const e of f.fixes!.find((x) => x.safe)!.edits) {
              const why = writesInComment(idx, kind, e) ?? writesInTemplate(idx, e);
              if (why) problems.push(`${name} round ${rounds}: ${f.code} fix ${why}`);
            }
          }
          const applied = applyFixes(text, plan.edits);
          assert.equal(applied.skipped.length, 0);
          const next = applied.text;
          const after = run(next);
          // no new syntax or parse finding
          const count = (fs: Finding[], code: string) => fs.filter((f) => f.code === code).length;
          for (const code of SYNTAX) {
            if (count(after, code) > count(findings, code)) {
              problems.push(`${name} round ${rounds}: the fixes add ${code}: ${after.filter((f) => f.code === code).map(describeFinding).join(' | ')}`);
            }
          }
          // each fixed finding is gone from where it was (its start mapped through the edits)
          const afterIdx = new LineIndex(next);
          const starts = new Set(after.map((f) => `${f.code}@${afterIdx.offsetAt(f.range.start)}`));
          const offsets = plan.edits.map((e) => ({ s: idx.offsetAt(e.range.start), e: idx.offsetAt(e.range.end), len: e.newText.length }));
          for (const f of plan.fixed) {
            const o = idx.offsetAt(f.range.start);
            let shift = 0;
            let inside: { from: number; to: number } | undefined;
            for (const x of offsets) {
              if (x.s <= o && o < x.e) inside = { from: x.s + shift, to: x.s + shift + x.len };
              else if (x.e <= o) shift += x.len - (x.e - x.s);
            }
            const places = inside ? Array.from({ length: inside.to - inside.from }, (_, i) => inside!.from + i) : [o + shift];
            if (places.some((p) => starts.has(`${f.code}@${p}`))) problems.push(`${name} round ${rounds}: ${describeFinding(f)} is still there after its fix`);
          }
          totals.edits += plan.edits.length;
          totals.fixes += plan.fixed.length;
          totals.merged += plan.merged;
          totals.deferred += plan.deferred.length;
          text = next;
          findings = after;
        }
        if (rounds) totals.changed++;
        totals.maxRounds = Math.max(totals.maxRounds, rounds);
      }
      assert.deepEqual(problems, []);
    });

    it(`${kind}: with the unsafe fixes too, no syntax error appears, no edit lands in a comment or template tag, and a fixed point comes within ${MAX_ROUNDS + 1} rounds`, () => {
      const t = { files: 0, changed: 0, fixes: 0, rounds: 0 };
      const problems: string[] = [];
      for (const file of corpusFiles(kind)) {
        const name = file.split('/').pop()!;
        const env = nodeEnv(file, { root: CORPUS });
        const text = readFileSync(file, 'utf8');
        const before = lint(text, kind, defaultConfig(), env);
        const r = fixText(text, kind, defaultConfig(), env, { unsafe: true, maxRounds: MAX_ROUNDS + 1 });
        t.files++;
        if (r.changed) t.changed++;
        t.fixes += r.applied;
        t.rounds = Math.max(t.rounds, r.rounds.length);
        if (r.remaining) problems.push(`${name}: ${r.remaining} fixable after ${r.rounds.length} rounds`);
        let current = text;
        for (const [n, round] of r.rounds.entries()) {
          for (let i = 0; i < round.edits.length; i++) {
            for (let j = i + 1; j < round.edits.length; j++) if (editsConflict(round.edits[i], round.edits[j])) problems.push(`${name}: overlapping edits`);
          }
          const idx = new LineIndex(current);
          for (const e of round.edits) {
            const why = writesInComment(idx, kind, e) ?? writesInTemplate(idx, e);
            if (why) problems.push(`${name} round ${n + 1}: a fix ${why}`);
          }
          current = applyFixes(current, round.edits).text;
        }
        for (const code of SYNTAX) {
          const n = (fs: Finding[]) => fs.filter((f) => f.code === code).length;
          if (n(r.findings) > n(before)) problems.push(`${name}: the fixes add ${code}: ${r.findings.filter((f) => f.code === code).map(describeFinding).join(' | ')}`);
        }
      }
      console.log(`      fix-all with unsafe fixes, ${kind}: ${t.files} files, ${t.changed} changed, ${t.fixes} fixes, at most ${t.rounds} round(s)`);
      assert.deepEqual(problems, []);
    });
  }
});

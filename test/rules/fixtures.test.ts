/**
 * Runs every fixture in test/rules/fixtures/<kind>/. A fixture is named after the rule it tests
 * (`DL3007.Dockerfile`, `DL3008.heredoc.Dockerfile`, `MYC001.cnf`, `VGT001.Vagrantfile`); its inline markers
 * say what must be found (see test/helpers/fixtures.ts). For every fix offered, the fix is applied, the text
 * re-linted, and the finding must be gone without new problems; fix-all per code must leave nothing fixable.
 *
 * Fixed-text snapshots (compared byte for byte, a missing one fails):
 *   <fixture>.fixed          the text after fix-all of the fixture's own code (each finding's first fix, safe or
 *                            not, non-overlapping, up to 3 rounds: the core's fixText).
 *   <fixture>.altN.fixed     the text after the N-th alternative fix (a finding's second, third... fix) alone.
 *   fixall.<name>.<ext>      a fixture where several rules' fixes apply: its .fixed file is the text after the
 *                            editor's and the CLI's fix-all (every safe fix of every code).
 *   fixall-unsafe.<name>.<ext>  the same with the unsafe fixes too (CLI --unsafe-fixes).
 * After a deliberate change, rewrite them with `UPDATE_FIXES=1 npm test -- rules` and read the diff.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineReady, ROOT } from '../helpers/setup';
import { nodeEnv } from '../../src/node/host';
import { lint, applyFixes, fixText, allRules, defaultConfig, mergeConfig, KINDS, LineIndex, type Finding, type Kind } from '../../src/core/index';
import { parseFixture, compare, describeFinding, FIXTURE_EXT } from '../helpers/fixtures';
import { writesInComment, writesInTemplate } from '../helpers/edits';

const FIXTURES = join(ROOT, 'test/rules/fixtures');
const UPDATE = !!process.env.UPDATE_FIXES;
/** Codes whose fixed text a .fixed file pins (filled while the fixtures run; checked at the end). */
const pinned = new Set<string>();
const FIXALL = 'fixall';
/** `fixall-unsafe.<name>.<ext>`: the text after fix-all with the unsafe fixes too (the CLI's --unsafe-fixes). */
const FIXALL_UNSAFE = 'fixall-unsafe';

/** Compares `actual` with the committed snapshot at `path`, or writes it under UPDATE_FIXES=1. */
function matchSnapshot(path: string, actual: string): void {
  if (UPDATE) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== actual) writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `missing expected fixed text ${path.slice(ROOT.length + 1)} (write it with UPDATE_FIXES=1 npm test -- rules, then read it)`);
  assert.equal(actual, readFileSync(path, 'utf8'), `the fixed text differs from ${path.slice(ROOT.length + 1)}`);
}

/** The fixtures of one kind; a missing or empty folder is a failing test, never zero silent cases. */
function fixtureFiles(kind: Kind): { files: string[]; problem?: string } {
  const dir = join(FIXTURES, kind);
  if (!existsSync(dir)) return { files: [], problem: `no fixture folder ${dir}` };
  const files = readdirSync(dir).filter((f) => FIXTURE_EXT[kind].test(f)).sort();
  return files.length ? { files } : { files, problem: `no fixture in ${dir} (names end ${FIXTURE_EXT[kind].source})` };
}

describe('rule fixtures', () => {
  before(engineReady);
  for (const kind of KINDS) {
    describe(kind, () => {
      const { files, problem } = fixtureFiles(kind);
      it('has a fixture folder with fixtures', () => assert.equal(problem, undefined, problem));
      for (const file of files) {
        const path = join(FIXTURES, kind, file);
        const ownCode = file.split('.')[0];
        const isFixAll = ownCode === FIXALL || ownCode === FIXALL_UNSAFE;
        const unsafeFixAll = ownCode === FIXALL_UNSAFE;
        describe(file, () => {
          const text = readFileSync(path, 'utf8');
          const spec = parseFixture(text);
          const config = mergeConfig(defaultConfig(), spec.config);
          const env = nodeEnv(path);
          const run = (t: string): Finding[] => lint(t, kind, config, env);
          const codes = new Set([ownCode, ...spec.expectations.map((e) => e.code)]);

          it('finds exactly what the markers say', () => {
            const findings = run(text);
            const internal = findings.filter((f) => f.code === 'DG001');
            assert.deepEqual(internal.map(describeFinding), [], 'internal errors');
            const problems = compare(spec, findings, codes);
            assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
          });

          it('every fix removes its finding and adds no new problem', () => {
            const before = run(text);
            const beforeCodes = new Set(before.map((f) => f.code));
            for (const f of before.filter((x) => codes.has(x.code))) {
              for (const fix of f.fixes ?? []) {
                const fixed = applyFixes(text, fix.edits);
                assert.equal(fixed.skipped.length, 0, `${fix.title}: overlapping edits`);
                const idx = new LineIndex(text);
                // MYC013 corrects our own target directive, which is written as a comment: the one exception
                const inComment = f.code === 'MYC013' ? [] : fix.edits.map((e) => writesInComment(idx, kind, e) ?? writesInTemplate(idx, e)).filter((x) => x);
                assert.deepEqual(inComment, [], `${describeFinding(f)} / fix "${fix.title}" writes inside a comment or template tag`);
                const after = run(fixed.text);
                const label = `${describeFinding(f)} / fix "${fix.title}"`;
                assert.ok(
                  after.filter((x) => x.code === f.code).length < before.filter((x) => x.code === f.code).length,
                  `${label}: the finding is still there\n--- fixed text ---\n${fixed.text}`,
                );
                const added = after.filter((x) => !beforeCodes.has(x.code) && !spec.fixMayAdd.includes(x.code));
                assert.deepEqual(added.map(describeFinding), [], `${label}: new problems\n--- fixed text ---\n${fixed.text}`);
              }
            }
          });

          it('fix-all per code leaves nothing safely fixable', () => {
            const before = run(text);
            for (const code of new Set(before.filter((f) => codes.has(f.code) && f.fixes?.some((x) => x.safe)).map((f) => f.code))) {
              const r = fixText(text, kind, config, env, { codes: [code] });
              const left = r.findings.filter((f) => f.code === code && f.fixes?.some((x) => x.safe));
              assert.deepEqual(left.map(describeFinding), [], `fix-all ${code} left fixable findings\n--- text ---\n${r.text}`);
              assert.deepEqual(r.findings.filter((f) => f.code === 'DG001').map(describeFinding), []);
            }
          });

          const fixedPath = `${path}.fixed`;
          const altPath = (n: number) => `${path}.alt${n}.fixed`;
          it(isFixAll ? `fix-all (every ${unsafeFixAll ? '' : 'safe '}fix) gives exactly the .fixed text` : 'fixed text equals the committed .fixed file', () => {
            const findings = run(text);
            const own = findings.filter((f) => (isFixAll ? true : f.code === ownCode) && f.fixes?.length);
            const stale = [fixedPath, ...[1, 2, 3, 4, 5, 6, 7, 8].map(altPath)].filter((p) => existsSync(p));
            if (!own.length) {
              // No fix here: a leftover snapshot means a fix disappeared.
              assert.deepEqual(stale.map((p) => p.slice(ROOT.length + 1)), [], 'snapshots for a fixture that offers no fix');
              return;
            }
            const r = isFixAll ? fixText(text, kind, config, env, { unsafe: unsafeFixAll }) : fixText(text, kind, config, env, { codes: [ownCode], unsafe: true });
            if (isFixAll && !unsafeFixAll) for (const round of r.rounds) for (const f of round.fixed) pinned.add(f.code);
            else pinned.add(ownCode);
            assert.ok(r.changed, 'the fixes change nothing');
            matchSnapshot(fixedPath, r.text);
            // Every alternative fix (a finding's second, third... fix), applied alone.
            let n = 0;
            if (!isFixAll) {
              for (const f of own) {
                for (const fix of f.fixes!.slice(1)) {
                  n++;
                  const alt = applyFixes(text, fix.edits);
                  assert.equal(alt.skipped.length, 0, `${fix.title}: overlapping edits`);
                  matchSnapshot(altPath(n), alt.text);
                }
              }
            }
            const extra = stale.filter((p) => p !== fixedPath && !Array.from({ length: n }, (_, i) => altPath(i + 1)).includes(p));
            assert.deepEqual(extra.map((p) => p.slice(ROOT.length + 1)), [], 'snapshots of alternative fixes that are no longer offered');
          });
        });
      }
    });
  }

  describe('fixed-text snapshots', () => {
    it('every rule that offers a fix has its fixed text pinned by a .fixed file', () => {
      const missing = allRules()
        .filter((m) => m.fix !== 'none' && !pinned.has(m.code))
        .map((m) => `${m.code} (${m.kind}, fix ${m.fix})`);
      assert.deepEqual(missing, [], 'fixable rules without a fixture whose fixed text is compared');
    });

    it('the safety of every fix offered in a fixture matches test/rules/fix-safety.txt', () => {
      // One line per fix: where, which rule, safe or unsafe, the title. A fix that turns safe (or stops being
      // offered) shows in the diff of this file, next to the audit note in the rule's documentation.
      const lines: string[] = [];
      for (const kind of KINDS) {
        for (const file of fixtureFiles(kind).files) {
          const path = join(FIXTURES, kind, file);
          const text = readFileSync(path, 'utf8');
          const spec = parseFixture(text);
          const own = file.split('.')[0];
          const codes = new Set([own, ...spec.expectations.map((e) => e.code)]);
          for (const f of lint(text, kind, mergeConfig(defaultConfig(), spec.config), nodeEnv(path))) {
            if (!codes.has(f.code) && own !== FIXALL && own !== FIXALL_UNSAFE) continue;
            for (const fix of f.fixes ?? []) {
              lines.push(`${kind}/${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${fix.safe ? 'safe' : 'unsafe'} ${fix.title}`);
            }
          }
        }
      }
      matchSnapshot(join(ROOT, 'test/rules/fix-safety.txt'), lines.join('\n') + '\n');
      // A rule's declared fix (the best it offers) agrees with what its fixtures show.
      const offered = new Map<string, Set<string>>();
      for (const l of lines) {
        const [, code, safety] = l.split(' ');
        if (!offered.has(code)) offered.set(code, new Set());
        offered.get(code)!.add(safety);
      }
      const wrong: string[] = [];
      for (const m of allRules()) {
        const seen = offered.get(m.code);
        if (m.fix === 'safe' && !seen?.has('safe')) wrong.push(`${m.code} declares a safe fix; its fixtures show ${seen ? 'only unsafe ones' : 'none'}`);
        if (m.fix === 'unsafe' && seen?.has('safe')) wrong.push(`${m.code} declares fix: unsafe but offers a safe fix`);
        if (m.fix === 'unsafe' && !seen) wrong.push(`${m.code} declares an unsafe fix; its fixtures show none`);
        if (m.fix === 'none' && seen) wrong.push(`${m.code} declares no fix but offers one`);
      }
      assert.deepEqual(wrong, []);
    });

    it('no snapshot file without its fixture', () => {
      const orphans: string[] = [];
      for (const kind of KINDS) {
        let names: string[] = [];
        try {
          names = readdirSync(join(FIXTURES, kind));
        } catch {
          continue;
        }
        for (const f of names.filter((x) => x.endsWith('.fixed'))) {
          const fixture = f.replace(/(\.alt\d+)?\.fixed$/, '');
          if (!names.includes(fixture)) orphans.push(`${kind}/${f}`);
        }
      }
      assert.deepEqual(orphans, []);
    });
  });
});

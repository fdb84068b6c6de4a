/**
 * Runs every fixture in test/rules/fixtures/<kind>/. A fixture is named after the rule it tests
 * (`DL3007.Dockerfile`, `DL3008.heredoc.Dockerfile`, `MYC001.cnf`, `VGT001.Vagrantfile`); its inline markers
 * say what must be found (see test/helpers/fixtures.ts). For every fix offered, the fix is applied, the text
 * re-linted, and the finding must be gone without new problems; fix-all per code must leave nothing fixable.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineReady, ROOT } from '../helpers/setup';
import { nodeEnv } from '../../src/node/host';
import { lint, applyFixes, fixAll, defaultConfig, mergeConfig, KINDS, type Finding, type Kind } from '../../src/core/index';
import { parseFixture, compare, describeFinding, FIXTURE_EXT } from '../helpers/fixtures';

const FIXTURES = join(ROOT, 'test/rules/fixtures');

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
              let t = text;
              for (let round = 0; round < 3; round++) {
                const fs = run(t).filter((f) => f.code === code);
                const edits = fixAll(fs, { codes: [code] });
                if (!edits.length) break;
                t = applyFixes(t, edits).text;
              }
              const left = run(t).filter((f) => f.code === code && f.fixes?.some((x) => x.safe));
              assert.deepEqual(left.map(describeFinding), [], `fix-all ${code} left fixable findings\n--- text ---\n${t}`);
              assert.deepEqual(run(t).filter((f) => f.code === 'DG001').map(describeFinding), []);
            }
          });
        });
      }
    });
  }
});

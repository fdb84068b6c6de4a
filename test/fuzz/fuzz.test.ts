/**
 * The fuzz suite (issue 11): per kind, seeded mutations of the repository's corpus, each checked for no throw, no
 * internal error, valid ranges, lint time under 1 s; and the heap must stay flat over the run.
 *
 *   npm test -- fuzz                         the CI budget (FUZZ_COUNT inputs per kind, default below)
 *   npm run fuzz                             the long mode: 100,000 inputs per kind
 *   FUZZ_SEED=7 FUZZ_KIND=mycnf FUZZ_INDEX=123 npm test -- fuzz      one input again
 *   npm run fuzz -- --kind dockerfile --start 50000 --count 50000   one chunk of a long run (inputs 50000–99999)
 *
 * Failing inputs are written to $TMPDIR/dg-fuzz-failures/<kind>-<index>.txt.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearCaches, KINDS, type Kind } from '../../src/core/index';
import { CORPUS, engineReady } from '../helpers/setup';
import { checkInput, corpusFiles, DEFAULT_SEED, heapUsedAfterGc, makeInput, type KindStats, type Problem } from './fuzzer';

/** Inputs per kind in CI: about 10 s of CPU per kind on the 2-core test machine. */
const CI_COUNT: Record<Kind, number> = { dockerfile: 1000, mycnf: 2000, vagrantfile: 1500 };
const seed = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);
const onlyKind = process.env.FUZZ_KIND as Kind | undefined;
const trace = process.env.FUZZ_TRACE;
const onlyIndex = process.env.FUZZ_INDEX !== undefined ? Number(process.env.FUZZ_INDEX) : undefined;
/** First input index of the run: a long run can be split into chunks (same seed, disjoint index ranges). */
const firstIndex = onlyIndex ?? Number(process.env.FUZZ_START ?? 0);
/**
 * Heap growth allowed between the end of the warm-up and the end of the run. The engine's bounded caches (parsed
 * RUN scripts: up to 4096) are emptied before each measurement, so what is left is what a leak would hold;
 * `npm run bench:memory` shows the caches themselves levelling off.
 */
const HEAP_SLACK_BYTES = 16 * 1024 * 1024;
const heapNow = () => {
  clearCaches();
  return heapUsedAfterGc();
};

function countFor(kind: Kind): number {
  if (onlyIndex !== undefined) return 1;
  return process.env.FUZZ_COUNT ? Number(process.env.FUZZ_COUNT) : CI_COUNT[kind];
}

describe('fuzz: mutations of the corpus never crash, hang or produce invalid ranges', function () {
  this.timeout(0);
  before(engineReady);

  for (const kind of KINDS) {
    if (onlyKind && onlyKind !== kind) continue;
    it(`${kind}: ${countFor(kind)} inputs (seed ${seed}${firstIndex ? `, from #${firstIndex}` : ''})`, function () {
      const files = corpusFiles(CORPUS, kind);
      assert.ok(files.length >= 10, `the corpus has ${kind} files`);
      const stats: KindStats = { inputs: 0, totalMs: 0, slowestMs: 0, findings: 0, notLinted: 0 };
      const problems: Problem[] = [];
      const n = countFor(kind);
      const start = firstIndex;
      const warm = Math.min(n, Math.max(1, Math.floor(n / 10)));
      const progress = n >= 10000;
      let heapAfterWarmup = 0;
      let heapPeak = 0;
      for (let i = start; i < start + n; i++) {
        const input = makeInput(seed, kind, i, files);
        // FUZZ_TRACE=<file>: the input about to be linted is written there first, so a run that hangs names its input
        if (trace) writeFileSync(trace, `${kind} #${i} (${input.origin})\n${input.text}`);
        const what = checkInput(input, stats);
        if (what.length && problems.length < 50) {
          for (const w of what) problems.push({ kind, index: i, origin: input.origin, what: w, text: input.text });
        }
        if (what.length && progress) for (const w of what) console.log(`      ${kind} #${i} (${input.origin}): ${w.slice(0, 300)}`);
        if (i - start + 1 === warm) heapAfterWarmup = heapNow();
        if ((i - start + 1) % 5000 === 0) {
          const h = heapNow();
          heapPeak = Math.max(heapPeak, h);
          // the long mode says how far it got: a run stopped early still reports its numbers
          if (progress) {
            console.log(
              `      ${kind}: ${stats.inputs} inputs (to #${i}), ${problems.length} problem(s), mean ${(stats.totalMs / Math.max(1, stats.inputs)).toFixed(1)} ms, ` +
                `slowest ${stats.slowestMs.toFixed(0)} ms ${stats.slowest ?? ''}; heap ${(h / 1024 / 1024).toFixed(1)} MB (after warm-up ${(heapAfterWarmup / 1024 / 1024).toFixed(1)} MB)`,
            );
          }
        }
      }
      const heapEnd = heapNow();
      heapPeak = Math.max(heapPeak, heapEnd);
      const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
      console.log(
        `      ${kind}: ${stats.inputs} inputs, ${stats.findings} findings, ${stats.notLinted} not linted (DG002), ` +
          `mean ${(stats.totalMs / Math.max(1, stats.inputs)).toFixed(1)} ms, slowest ${stats.slowestMs.toFixed(0)} ms ${stats.slowest ?? ''}; ` +
          `heap after warm-up ${mb(heapAfterWarmup)} MB, end ${mb(heapEnd)} MB, peak ${mb(heapPeak)} MB`,
      );
      if (problems.length) {
        const dir = join(tmpdir(), 'dg-fuzz-failures');
        mkdirSync(dir, { recursive: true });
        for (const p of problems) writeFileSync(join(dir, `${p.kind}-${p.index}.txt`), p.text);
        const shown = problems.slice(0, 12).map((p) => `  ${p.kind} #${p.index} (${p.origin}): ${p.what.slice(0, 300)}`);
        assert.fail(`${problems.length} problem(s) (inputs in ${dir}; rerun one with FUZZ_SEED=${seed} FUZZ_KIND=${kind} FUZZ_INDEX=<n>):\n${shown.join('\n')}`);
      }
      if (n >= 200 && onlyIndex === undefined) {
        assert.ok(heapEnd - heapAfterWarmup < HEAP_SLACK_BYTES, `heap grew ${mb(heapEnd - heapAfterWarmup)} MB after the warm-up (${mb(heapAfterWarmup)} → ${mb(heapEnd)} MB)`);
      }
    });
  }
});

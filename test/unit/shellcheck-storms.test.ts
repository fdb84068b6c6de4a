/** ShellCheck without storms: one process-wide cap, stale runs cancelled, a cache that holds a 2,000-RUN file. */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { defaultConfig } from '../../src/core/index';
import { findShellcheck, shellcheckDockerfile, shellcheckStats, SHELLCHECK_CACHE_LIMIT, SHELLCHECK_MAX_PROCESSES } from '../../src/node/shellcheck';

describe('shellcheck: no storms', function () {
  this.timeout(60_000);
  before(engineReady);
  const binary = findShellcheck();

  /** A Dockerfile of `n` distinct RUNs (`tag` keeps them out of the cache of other tests). */
  const dockerfile = (n: number, tag: string) => ['FROM debian:12', ...Array.from({ length: n }, (_, i) => `RUN echo ${tag}${i} $X${i}`), ''].join('\n');

  it('never runs more than the cap at once, across concurrent documents', async function () {
    if (!binary) this.skip();
    shellcheckStats.peak = 0;
    const runs = Array.from({ length: 4 }, (_, d) => shellcheckDockerfile(dockerfile(6, `cap${d}x`), defaultConfig(), { binary }));
    const results = await Promise.all(runs);
    assert.ok(results.every((r) => r.length === 6), results.map((r) => r.length).join(' '));
    assert.ok(shellcheckStats.peak <= SHELLCHECK_MAX_PROCESSES && SHELLCHECK_MAX_PROCESSES <= 4, `peak ${shellcheckStats.peak}, cap ${SHELLCHECK_MAX_PROCESSES}`);
  });

  it('an aborted run starts no more scripts and resolves empty', async function () {
    if (!binary) this.skip();
    const spawned = shellcheckStats.spawned;
    const ac = new AbortController();
    const run = shellcheckDockerfile(dockerfile(40, 'abort'), defaultConfig(), { binary, signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    assert.deepEqual(await run, []);
    assert.ok(shellcheckStats.spawned - spawned < 40, `all ${shellcheckStats.spawned - spawned} scripts ran despite the abort`);
  });

  it('keeps every RUN of a 2,000-RUN file in its cache', () => {
    assert.ok(SHELLCHECK_CACHE_LIMIT >= 2 * 2000, `cache limit ${SHELLCHECK_CACHE_LIMIT}`);
  });
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls, envValue, insertAfter, mountedCache, nameThrough, ships } from '../shell/lint';
import { option } from '../../shell/packages';

/**
 * pip install without --no-cache-dir keeps downloaded wheels in ~/.cache/pip. Understood: PIP_NO_CACHE_DIR set by
 * ENV, ARG, inline or `export`; a cache mount over pip's cache; builder stages no image ships.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3042', name: 'pip-cache-kept', kind: 'dockerfile', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    for (const { run, call } of calls(m, ['pip'])) {
      if (call.action !== 'install' || !call.actionWord) continue;
      if (!ships(m, run)) continue;
      if (option(call, '--no-cache-dir', '--no-cache')) continue;
      const env = envValue(run, call.command, 'PIP_NO_CACHE_DIR');
      if (env && env.value !== '' && env.value !== undefined) continue;
      if (mountedCache(run, '/root/.cache/pip', '/root/.cache')) continue;
      const cacheDir = option(call, '--cache-dir')?.value ?? envValue(run, call.command, 'PIP_CACHE_DIR')?.value;
      if (cacheDir && run.mounts.some((mt) => mt.type === 'cache' && mt.target && cacheDir.startsWith(mt.target))) continue;
      if (run.mounts.some((mt) => mt.type === 'cache' && mt.target && /(^|\/)(\.cache|pip)(\/|$)/.test(mt.target))) continue;
      ctx.report({
        range: nameThrough(call.command, call.actionWord),
        message: '`pip install` keeps its download cache in the image; add --no-cache-dir (or set PIP_NO_CACHE_DIR=1).',
        fixes: [{ title: 'Add --no-cache-dir', safe: true, edits: [insertAfter(call.actionWord, '--no-cache-dir')] }],
      });
    }
  },
});

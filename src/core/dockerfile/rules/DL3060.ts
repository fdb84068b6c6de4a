import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { appendToHeredoc, appendToRun, callOf, calls, commands, envValue, fullyParsed, mountedCache, nameThrough, removesDir, ships } from '../shell/lint';
import type { PmCall } from '../../shell/packages';

function isYarnInstall(c: PmCall): boolean {
  if (c.manager !== 'yarn') return false;
  if (c.action === 'install') return true;
  // a bare `yarn` installs, unless it only asks for the version or help
  return c.action === undefined && !c.operands.length && !c.options.some((o) => ['-v', '--version', '-h', '--help'].includes(o.name));
}

/** yarn install without `yarn cache clean` in the same RUN keeps yarn's global cache in the layer. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3060', name: 'yarn-cache-kept', kind: 'dockerfile', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    for (const run of new Set(calls(m, ['yarn']).map((e) => e.run))) {
      if (!ships(m, run) || !fullyParsed(run)) continue;
      const cmds = commands(run);
      const calls = cmds.map(callOf).filter((c): c is PmCall => !!c && c.manager === 'yarn');
      const install = calls.find(isYarnInstall);
      if (!install) continue;
      if (calls.some((c) => c.action === 'cache' && c.operands[0]?.text === 'clean')) continue;
      if (mountedCache(run, '/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/home/node/.cache/yarn')) continue;
      if (run.mounts.some((mt) => mt.type === 'cache' && /yarn/i.test(mt.target ?? ''))) continue;
      const folder = envValue(run, install.command, 'YARN_CACHE_FOLDER')?.value;
      if (folder && (mountedCache(run, folder) || removesDir(cmds, folder))) continue;
      if (['/usr/local/share/.cache/yarn', '/usr/local/share/.cache', '/root/.cache/yarn', '/root/.cache'].some((d) => removesDir(cmds, d))) continue;
      const edit = appendToRun(run, 'yarn cache clean') ?? appendToHeredoc(run, install.command.script, 'yarn cache clean');
      ctx.report({
        range: nameThrough(install.command, install.actionWord),
        message: '`yarn install` leaves its package cache in this layer; end the RUN with `yarn cache clean`.',
        fixes: edit ? [{ title: 'Append `yarn cache clean`', safe: false, edits: [edit] }] : undefined,
      });
    }
  },
});

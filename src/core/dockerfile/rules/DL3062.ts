import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import type { RunInfo } from '../shell/analysis';
import { calls, copiedBefore } from '../shell/lint';
import { packages } from '../../shell/packages';

/** A go.mod is in reach of the RUN: bind-mounted, or copied in before (`COPY go.mod go.sum ./`, `COPY . .`). */
function goModInReach(m: DockerfileModel, run: RunInfo): boolean {
  if (run.mounts.some((mt) => /(^|\/)go\.mod$/.test(mt.source ?? '') || /(^|\/)go\.mod$/.test(mt.target ?? ''))) return true;
  return copiedBefore(m, run, (s) => /(^|\/)go\.mod$/.test(s) || s === '.' || s === './');
}

/**
 * go install / get / run of a remote module path without `@version`, or with a moving query (`@latest`, `@master`).
 * Local packages (`./cmd/x`, `.`) follow go.mod and are not judged; neither is a path without a version when a
 * go.mod is in reach (mounted or copied in), since module mode then takes the version from it.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3062', name: 'go-package-unpinned', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const { run, call } of calls(m, ['go'])) {
      let goMod: boolean | undefined;
      for (const p of packages(call)) {
        if (p.status !== 'unpinned') continue;
        const moving = p.word.text.includes('@');
        if (!moving && (goMod ??= goModInReach(m, run))) continue;
        ctx.report({
          range: p.word.range,
          message: moving
            ? `"${p.word.text}" follows a moving reference; pin a version: \`go ${call.action} ${p.name}@v<version>\`.`
            : `Pin the version of "${p.name}": \`go ${call.action} ${p.name}@v<version>\`.`,
        });
      }
    }
  },
});

import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { expandAt } from '../analysis';
import { argsSpan } from '../instructions';
import { isAbsolutePath, joinPath, joinWindowsPath, windowsAbsolute } from '../paths';
import { stagePlatform } from '../platform';
import { shown } from '../report';
import { UNKNOWN } from '../variables';

/**
 * A relative WORKDIR depends on the working directory before it. After an absolute WORKDIR in this file the result
 * is known, and the fix writes it out; on top of an external base image it depends on that image's settings.
 */
export default defineRule<DockerfileModel>({
  meta: {
    code: 'DL3000',
    name: 'workdir-relative',
    kind: 'dockerfile',
    severity: 'error',
    fix: 'safe',
    aliases: ['WorkdirRelativePath', 'DS-0009', 'CKV_DOCKER_10'],
  },
  check(m, ctx) {
    /** Working directory at the end of each stage: a path, or undefined when it depends on an external image. */
    const finalDir = new Map<number, string | undefined>();
    for (const stage of m.stages) {
      let dir: string | undefined = stage.parent ? finalDir.get(stage.parent.index) : stage.scratch ? '/' : undefined;
      // Windows: `C:\app`, `\app` and `/app` are absolute; relative paths join with backslashes (BuildKit's rules)
      const windows = stagePlatform(m, stage).os === 'windows';
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'WORKDIR') continue;
        const span = argsSpan(m, ins);
        if (!span) continue;
        const raw = span.text.trim();
        const x = expandAt(m, ins, span.text, span.start);
        const value = x.value.trim();
        if (!value || value.startsWith(UNKNOWN)) {
          dir = undefined;
          continue;
        }
        // A Windows path (C:\app, backslashes) in a stage not known to be Windows: the directory is left unknown, so no
        // fix is built on it (on a Windows stage it is resolved as BuildKit does, below, and the finding has no fix)
        if (!windows && /^[A-Za-z]:|\\/.test(value)) {
          dir = undefined;
          continue;
        }
        if (isAbsolutePath(value)) {
          dir = value.includes(UNKNOWN) ? undefined : windows ? windowsAbsolute(value) : joinPath('/', value);
          continue;
        }
        const range = m.lines.rangeOf(span.start, span.start + span.text.trimEnd().length);
        const shownValue = x.refs.length ? ` ("${shown(value)}")` : '';
        if (dir !== undefined && !value.includes(UNKNOWN)) {
          const abs = windows ? joinWindowsPath(dir, value) : joinPath(dir, value);
          // no fix on Windows: a backslash path is read through the escape character, which differs between files
          const fixes = !windows && !x.refs.length && !/["'\s\\`]/.test(raw) ? [{ title: `Write the absolute path ${abs}`, safe: true, edits: [{ range, newText: abs }] }] : [];
          ctx.report({
            range,
            message: `WORKDIR "${raw}"${shownValue} is relative; here it resolves to ${abs}. Write the absolute path so the intent does not hang on the lines above.`,
            fixes,
          });
          dir = abs;
        } else {
          ctx.report({
            range,
            message: `WORKDIR "${raw}"${shownValue} is relative to the working directory of the base image, which this file does not set; use an absolute path.`,
          });
          dir = undefined;
        }
      }
      finalDir.set(stage.index, dir);
    }
  },
});

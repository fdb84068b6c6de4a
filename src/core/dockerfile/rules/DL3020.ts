import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { wordValue } from '../analysis';
import { copySpec, flagsOf, withTriggers } from '../instructions';
import { UNKNOWN } from '../variables';

/** Names ADD treats specially: remote URLs and git repositories. */
export function isRemoteSource(s: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(s) || /^git@[^:]+:/.test(s);
}

/** Local files ADD would unpack (tar, possibly compressed): judged by the name, as Docker cannot be asked. */
export function isArchiveName(s: string): boolean {
  return /\.(tar|tgz|taz|tbz|tbz2|tb2|txz|tlz|tzst|tZ|gz|bz2|xz|lz|lzma|lz4|zst|Z)$/i.test(s.replace(/["']/g, ''));
}

/**
 * ADD where COPY would do: every source is a local file or folder that is not an archive. ADD's extra powers (URLs,
 * git, unpacking tar archives, --checksum, --keep-git-dir, --unpack) make COPY the clearer choice otherwise.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3020', name: 'add-for-local-files', kind: 'dockerfile', severity: 'error', fix: 'safe', aliases: ['DS-0005', 'CKV_DOCKER_4'] },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      if (ins.getKeyword() !== 'ADD') continue;
      if (flagsOf(ins).some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f.getName()))) continue;
      const spec = copySpec(m, ins);
      if (!spec.sources.length || spec.heredocs.length) continue;
      let local = true;
      // ADD unpacks a local tar archive found by its content, whatever its name: only sources written as folders
      // (a trailing slash, `.`, `..`) are certain to be copied the same way by COPY.
      let allFolders = true;
      for (const s of spec.sources) {
        const value = wordValue(m, ins, s, spec.json);
        if (value.includes(UNKNOWN) || isRemoteSource(value) || isArchiveName(value)) {
          local = false;
          break;
        }
        if (!/(^|\/)\.{0,2}$/.test(value) && !/[\\/]$/.test(value)) allFolders = false;
      }
      if (!local) continue;
      const kw = ins.getInstruction();
      const copy = kw === kw.toLowerCase() ? 'copy' : 'COPY';
      ctx.report({
        range: ins.getInstructionRange(),
        message: `ADD copies local ${spec.sources.length > 1 ? 'files' : 'files or folders'} here; use COPY, which does only that. Keep ADD for URLs, git sources and archives to unpack.`,
        fixes: [{ title: 'Replace ADD with COPY', safe: allFolders, edits: [{ range: ins.getInstructionRange(), newText: copy }] }],
      });
    }
  },
});

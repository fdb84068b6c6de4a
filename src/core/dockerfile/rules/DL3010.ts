import type { Instruction } from '../syntax';
import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import type { DockerfileModel } from '../model';
import { dockerfileShell } from '../shell/analysis';
import { commands } from '../shell/lint';
import { execForm } from '../instructions';
import type { Command } from '../../shell/script';

/** Archives ADD unpacks: tar, plain or compressed with gzip, bzip2 or xz. Zip files are not unpacked by ADD. */
const TAR = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;
const DECOMPRESS = new Set(['gunzip', 'bunzip2', 'unxz', 'zcat', 'gzcat', 'bzcat', 'xzcat', 'uncompress', 'unlzma']);

function basename(p: string): string {
  return p.replace(/^["']|["']$/g, '').replace(/[/\\]+$/, '').split(/[/\\]/).pop() ?? p;
}

interface Arg {
  text: string;
  range: Range;
}

function copyArgs(m: DockerfileModel, ins: Instruction): Arg[] | undefined {
  const ef = execForm(m, ins);
  if (ef && ef !== 'invalid') return ef.values.map((text, k) => ({ text, range: m.lines.rangeOf(ef.tokens[k].start, ef.tokens[k].end) }));
  return ins.getArguments().map((a) => ({ text: a.getValue(), range: a.getRange() }));
}

function extracts(c: Command, name: string): boolean {
  if (!c.program) return false;
  const ops = c.args.filter((a) => a.literal && basename(a.text) === name);
  if (!ops.length) return false;
  if (DECOMPRESS.has(c.program)) return true;
  if (c.program === 'gzip' || c.program === 'bzip2' || c.program === 'xz') return c.args.some((a) => /^-[a-zA-Z]*d/.test(a.text) || a.text === '--decompress');
  if (c.program !== 'tar') return false;
  const first = c.args[0]?.text ?? '';
  return (
    (/^[a-zA-Z]+$/.test(first) && first.includes('x')) ||
    c.args.some((a) => a.text === '--extract' || a.text === '--get' || /^-[a-zA-Z]*x/.test(a.text))
  );
}

/** A tar archive COPYed in and then unpacked by a later RUN of the stage: ADD does both in one layer. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3010', name: 'archive-extracted-after-copy', kind: 'dockerfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const shell = dockerfileShell(m);
    for (const stage of m.stages) {
      const archives: { name: string; range: Range; line: number }[] = [];
      for (const ins of stage.instructions) {
        const kw = ins.getKeyword();
        if (kw === 'COPY') {
          const args = copyArgs(m, ins);
          if (!args || args.length < 2 || !args.some((a) => TAR.test(a.text))) continue;
          const flags = (ins as unknown as { getFlags?(): { getName(): string }[] }).getFlags?.() ?? [];
          if (flags.some((f) => f.getName().toLowerCase() === 'from')) continue;
          const heredocs = (ins as unknown as { getHeredocs?(): unknown[] }).getHeredocs?.() ?? [];
          if (heredocs.length) continue;
          const dest = args[args.length - 1];
          if (TAR.test(dest.text) && args.length === 2) archives.push({ name: basename(dest.text), range: args[0].range, line: ins.getRange().start.line });
          else for (const a of args.slice(0, -1)) if (TAR.test(a.text) && !/[*?[]/.test(a.text)) archives.push({ name: basename(a.text), range: a.range, line: ins.getRange().start.line });
        } else if (kw === 'RUN' && archives.length) {
          const run = shell.runOf(ins);
          if (!run) continue;
          const cmds = commands(run);
          for (let i = archives.length - 1; i >= 0; i--) {
            const a = archives[i];
            const c = cmds.find((x) => extracts(x, a.name));
            if (!c) continue;
            ctx.report({
              range: a.range,
              message: `${a.name} is copied in and then unpacked on line ${c.range.start.line + 1}, so the image stores it twice; \`ADD ${a.name} <dir>/\` unpacks it in one layer.`,
              related: [{ message: 'unpacked here', range: c.range }],
            });
            archives.splice(i, 1);
          }
        }
      }
    }
  },
});

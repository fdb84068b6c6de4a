/**
 * Hover for Dockerfiles: the reference of the instruction, flag, `--mount` option or parser directive under the
 * cursor, what a FROM image resolves to (registry, repository, tag, digest, the ARGs it came from, or the stage it
 * names), and the value of a `$VAR`. Rule findings' why and fix are shown by the editor adapter itself.
 */
import type { Instruction, Flag } from './syntax';
import { containsPosition, type Position, type Range } from '../finding';
import type { HoverInfo } from '../language';
import { knowledgeBase } from '../knowledge/index';
import type { DockerfileModel, Stage } from './model';
import type { DockerfileReference, FlagReference, InstructionReference } from './reference-schema';
import { analysis, baseOf, EXPANDING, lookupAt } from './analysis';
import { argsOf, argsSpan, flagsOf, trigger } from './instructions';
import { DOCKER_HUB, normalizedName, registryOf } from './image';
import { expand, UNKNOWN, type Binding, type Expansion } from './variables';

const MOUNT_DOCS = 'https://docs.docker.com/reference/dockerfile/#run---mount';

function reference(): DockerfileReference | undefined {
  try {
    return knowledgeBase().reference.dockerfile as DockerfileReference;
  } catch {
    return undefined;
  }
}

function code(s: string): string {
  const t = s.replace(/\uFFFF/g, '…');
  const fence = t.includes('`') ? '``' : '`';
  return `${fence}${t}${fence}`;
}

function instructionMarkdown(name: string, r: InstructionReference): string {
  const lines = [`**${name}** — ${r.summary}`, '', '```dockerfile', ...r.syntax, '```', '', r.body.trim()];
  const flags = Object.keys(r.flags ?? {});
  if (flags.length) lines.push('', `Flags: ${flags.map((f) => `\`--${f}\``).join(', ')}.`);
  lines.push('', `[Dockerfile reference: ${name}](${r.docs})`);
  return lines.join('\n');
}

function flagMarkdown(instruction: string, name: string, f: FlagReference, docs: string): string {
  const lines = [`**${instruction} --${name}** — ${f.summary}`, '', '```dockerfile', `${instruction} ${f.syntax}`, '```'];
  if (f.body) lines.push('', f.body.trim());
  if (f.values) {
    lines.push('');
    for (const [v, d] of Object.entries(f.values)) lines.push(`- \`${v}\`: ${d}`);
  }
  if (f.since) lines.push('', `Needs Dockerfile frontend ${f.since} or later (\`# syntax=docker/dockerfile:1\` gives the latest).`);
  lines.push('', `[Dockerfile reference: ${instruction}](${docs})`);
  return lines.join('\n');
}

function rangeFromTo(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

/** The instruction whose lines contain the position (binary search on start lines). */
function instructionAt(m: DockerfileModel, pos: Position): Instruction | undefined {
  const list = m.instructions;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].getRange().start.line <= pos.line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const ins = list[found];
  return containsPosition(ins.getRange(), pos) ? ins : undefined;
}

export function dockerfileHover(m: DockerfileModel, pos: Position): HoverInfo | undefined {
  const ref = reference();
  for (const d of m.directives) {
    if (!containsPosition(d.range, pos)) continue;
    const r = ref?.directives[d.name];
    if (!r) return undefined;
    return {
      range: d.range,
      markdown: [`**# ${d.name}=** — ${r.summary}`, '', '```dockerfile', r.syntax, '```', '', r.body.trim(), '', `[Dockerfile reference: ${d.name}](${r.docs})`].join('\n'),
    };
  }
  const outer = instructionAt(m, pos);
  if (!outer) return undefined;
  const t = trigger(outer);
  for (const ins of t ? [outer, t] : [outer]) {
    const kw = ins.getKeyword();
    if (containsPosition(ins.getInstructionRange(), pos)) {
      const r = ref?.instructions[kw];
      return r ? { range: ins.getInstructionRange(), markdown: instructionMarkdown(kw, r) } : undefined;
    }
  }
  const ins = t ?? outer;
  const kw = ins.getKeyword();
  for (const f of flagsOf(ins)) {
    if (!containsPosition(f.getRange(), pos)) continue;
    return flagHover(m, ref, ins, f, pos);
  }
  if (kw === 'HEALTHCHECK') {
    const sub = argsOf(ins)[0];
    if (sub && containsPosition(sub.getRange(), pos) && /^(CMD|NONE)$/i.test(sub.getValue())) {
      const r = ref?.instructions.HEALTHCHECK;
      return r ? { range: sub.getRange(), markdown: instructionMarkdown('HEALTHCHECK', r) } : undefined;
    }
  }
  if (kw === 'FROM' && !t) {
    const stage = m.stages.find((s) => s.from === ins);
    if (stage?.image && containsPosition(stage.image.range, pos)) {
      return { range: stage.image.range, markdown: imageMarkdown(m, stage) };
    }
    if (stage?.nameRange && containsPosition(stage.nameRange, pos)) return { range: stage.nameRange, markdown: stageMarkdown(m, stage) };
  }
  if (EXPANDING.has(kw)) {
    const span = argsSpan(m, ins);
    if (span) return variableHover(m, ins, span.text, span.start, pos, kw === 'FROM');
  }
  return undefined;
}

function flagHover(m: DockerfileModel, ref: DockerfileReference | undefined, ins: Instruction, f: Flag, pos: Position): HoverInfo | undefined {
  const kw = ins.getKeyword();
  const name = f.getName();
  const ir = ref?.instructions[kw];
  const fr = ir?.flags?.[name];
  const nameRange = rangeFromTo(f.getRange(), f.getNameRange());
  if (name === 'from' && kw === 'COPY') {
    const vr = f.getValueRange();
    const v = f.getValue();
    if (vr && v && containsPosition(vr, pos)) {
      const stage = /^\d+$/.test(v) ? m.stages[Number(v)] : m.stages.find((s) => s.name === v.toLowerCase());
      if (stage) return { range: vr, markdown: stageMarkdown(m, stage) };
    }
  }
  if (name === 'mount' && fr?.options) {
    const type = f.getOption('type')?.getValue() ?? 'bind';
    for (const o of f.getOptions()) {
      if (!containsPosition(o.getRange(), pos)) continue;
      const oname = o.getName();
      const canonical = ({ dst: 'target', destination: 'target', src: 'source', ro: 'readonly', readwrite: 'rw' } as Record<string, string>)[oname] ?? oname;
      const vr = o.getValueRange();
      if (canonical === 'type' && vr && containsPosition(vr, pos) && fr.values?.[type]) {
        return { range: vr, markdown: `**RUN --mount=type=${type}** — ${fr.values[type]}\n\nOptions for this type: ${mountOptions(fr, type)}.\n\n[Dockerfile reference: RUN --mount](${MOUNT_DOCS})` };
      }
      const opt = fr.options[canonical];
      if (!opt) return { range: o.getRange(), markdown: `\`${oname}\` is not an option of \`--mount\`. Options for type=${type}: ${mountOptions(fr, type)}.` };
      const applies = !opt.types || opt.types.includes(type);
      const md = [
        `**--mount ${oname}** — ${opt.summary}`,
        opt.default ? `\n\nDefault: \`${opt.default}\`.` : '',
        applies ? '' : `\n\nThis option does not apply to \`type=${type}\` (it is for ${opt.types!.map((x) => `\`${x}\``).join(', ')}).`,
        `\n\n[Dockerfile reference: RUN --mount](${MOUNT_DOCS})`,
      ].join('');
      return { range: o.getRange(), markdown: md };
    }
  }
  if (!fr || !ir) return undefined;
  return { range: containsPosition(nameRange, pos) ? nameRange : f.getRange(), markdown: flagMarkdown(kw, name, fr, ir.docs) };
}

function mountOptions(fr: FlagReference, type: string): string {
  return Object.entries(fr.options ?? {})
    .filter(([, o]) => !o.types || o.types.includes(type))
    .map(([k]) => `\`${k}\``)
    .join(', ');
}

function describeBinding(name: string, b: Binding | undefined, strictlyUnset: boolean): string {
  if (!b) return strictlyUnset ? `\`$${name}\` is not defined here: it expands to an empty string.` : `\`$${name}\` is not defined in this file; it may come from the base image's environment, or be empty.`;
  const where = b.line !== undefined ? ` on line ${b.line + 1}` : '';
  const what = b.kind === 'env' ? `ENV${where}` : b.kind === 'predefined' ? 'a platform ARG Docker sets for every build' : b.kind === 'global-arg' ? `global ARG${where}` : `ARG${where}`;
  if (b.value === undefined) return `\`$${name}\`: ${what}; its value is set at build time (\`--build-arg\`), so it cannot be known here.`;
  if (b.value.includes(UNKNOWN)) return `\`$${name}\` = ${code(b.value)} (${what}; parts marked … depend on build arguments).`;
  return `\`$${name}\` = ${code(b.value)} (${what}${b.kind !== 'env' ? '; `--build-arg` may override it' : ''}).`;
}

function variableHover(m: DockerfileModel, ins: Instruction, raw: string, offset: number, pos: Position, from: boolean): HoverInfo | undefined {
  if (!raw.includes('$')) return undefined;
  const at = m.lines.offsetAt(pos);
  const global = analysis(m).global;
  const lookup = from ? (n: string) => global.get(n) : lookupAt(m, ins);
  const strict = from ? (n: string) => global.get(n) : lookupAt(m, ins, true);
  const x: Expansion = expand(raw, offset, lookup, { escapeChar: m.escapeChar });
  const r = x.refs.find((v) => v.start <= at && at <= v.end);
  if (!r) return undefined;
  const g = global.get(r.name);
  let md =
    !from && !strict(r.name) && g
      ? `\`$${r.name}\` is ${g.kind === 'predefined' ? 'a platform ARG' : `a global ARG${g.line !== undefined ? ` (line ${g.line + 1})` : ''}`}, which only FROM lines see: add \`ARG ${r.name}\` to this stage to use it here. As written it expands to an empty string (unless the base image's environment sets it).`
      : describeBinding(r.name, strict(r.name), from || !!strict(r.name) || lookup(r.name)?.value !== undefined);
  if (r.modifier && !r.unsupported) md += `\n\nWith \`${r.modifier}\`, the reference gives ${code(expand(m.text.slice(r.start, r.end), r.start, lookup, { escapeChar: m.escapeChar }).value || '')} here.`;
  return { range: m.lines.rangeOf(r.start, r.end), markdown: md };
}

function hubLink(registry: string, repo: string): string | undefined {
  if (!DOCKER_HUB.includes(registry)) return undefined;
  return repo.includes('/') ? `https://hub.docker.com/r/${repo}` : `https://hub.docker.com/_/${repo}`;
}

function imageMarkdown(m: DockerfileModel, stage: Stage): string {
  const base = baseOf(m, stage);
  const x = base.expansion;
  const global = analysis(m).global;
  const lines: string[] = [];
  if (base.stage) return stageMarkdown(m, base.stage, `This FROM names an earlier stage of this file.\n\n`);
  if (base.scratch) return '**scratch** — the empty image: the stage starts with no files, no shell and no environment.';
  const ref = base.ref;
  if (!ref) return `**Base image**: ${code(stage.image!.raw)} expands to an empty name with the ARG defaults.`;
  lines.push(`**Base image** ${code(stage.image!.raw)}`);
  if (x.refs.length) {
    lines.push('');
    for (const r of x.refs) lines.push(`- ${describeBinding(r.name, global.get(r.name), true)}`);
    lines.push('', `Resolves to ${code(x.value)}${ref.unknown ? ' (parts marked … are set at build time)' : ''}.`);
  }
  const reg = ref.registry?.unknown ? undefined : registryOf(ref);
  lines.push('', '| | |', '|---|---|');
  lines.push(`| Registry | ${reg ? `${reg}${DOCKER_HUB.includes(reg) ? ' (Docker Hub)' : ''}${ref.registry ? '' : ', the default'}` : 'set at build time'} |`);
  const repo = reg && DOCKER_HUB.includes(reg) && !ref.repository.text.includes('/') ? `library/${ref.repository.text}` : ref.repository.text;
  lines.push(`| Repository | ${code(repo)} |`);
  lines.push(`| Tag | ${ref.tag ? code(ref.tag.text) + (ref.tag.text === 'latest' ? ' (moves with every release)' : '') : ref.tagUnknown ? 'set at build time' : ref.digest ? 'none' : 'none: Docker uses `latest`'} |`);
  lines.push(`| Digest | ${ref.digest ? `${code(ref.digest.text)}: the exact image is pinned` : 'none: the tag can be moved to another image'} |`);
  if (!ref.unknown) lines.push('', `Pulled as ${code(normalizedName(ref))}.`);
  const platform = flagsOf(stage.from).find((f) => f.getName() === 'platform')?.getValue();
  if (platform) lines.push('', `Platform: ${code(platform)}.`);
  const link = reg && !ref.repository.unknown ? hubLink(reg, ref.repository.text) : undefined;
  if (link) lines.push('', `[${ref.repository.text} on Docker Hub](${link})`);
  return lines.join('\n');
}

function stageMarkdown(m: DockerfileModel, stage: Stage, prefix = ''): string {
  const users: string[] = [];
  for (const s of m.stages) {
    if (s.parent === stage) users.push(`line ${s.startLine + 1} builds on it`);
    for (const ins of s.instructions) {
      for (const f of flagsOf(ins)) {
        const v = f.getName() === 'from' ? f.getValue() : f.getName() === 'mount' ? f.getOption('from')?.getValue() : undefined;
        if (v && (v.toLowerCase() === stage.name || v === String(stage.index))) users.push(`line ${ins.getRange().start.line + 1} copies from it`);
      }
    }
  }
  const image = stage.image ? code(stage.image.raw) : 'nothing';
  const last = m.stages[m.stages.length - 1] === stage;
  return (
    `${prefix}**Stage ${stage.nameText ? code(stage.nameText) : stage.index}** (index ${stage.index}, line ${stage.startLine + 1}), built FROM ${image}.` +
    (last ? ' It is the final stage: the image `docker build` produces by default.' : '') +
    (users.length ? `\n\nUsed by: ${users.join('; ')}.` : last ? '' : '\n\nNo other stage uses it; it is built only with `--target`.')
  );
}

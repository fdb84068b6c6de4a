import { parseSyntax, type From, type Instruction } from './syntax';
import { conditional, templateOf } from '../template/read';
import { LineIndex, didYouMean } from '../text';
import { expand, UNKNOWN, type Binding, type Lookup } from './variables';
import { invalidReference } from './image';
import type { Range } from '../finding';
import type { Directive, DockerfileModel, ParseProblem, Stage } from './model';
import {
  argsOf,
  argsRangeOf,
  INSTRUCTIONS,
  INSTRUCTION_SET,
  KNOWN_FLAGS,
  execForm,
  flagsOf,
  heredocsOf,
  pairs,
  trigger,
  words,
} from './instructions';

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/**
 * Parses a Dockerfile with our BuildKit-faithful reader (syntax.ts) and builds our model: stages (with their in-file parents), comments,
 * parser directives, the escape character, and the syntax problems Docker would refuse (DL1000).
 */
export function parseDockerfile(given: string, fileName?: string): DockerfileModel {
  // A template (Dockerfile.j2, Dockerfile.template...): its tags are masked, positions kept (src/core/template).
  const template = templateOf(fileName, given);
  const text = template ? template.text : given;
  const lines = new LineIndex(text);
  const syntax = parseSyntax(text, lines);
  const instructions = syntax.instructions;
  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  const offsets: number[] = [];
  const stageOfIndex: (Stage | undefined)[] = [];
  const indexOf = new Map<Instruction, number>();
  const byName = new Map<string, Stage>();
  instructions.forEach((ins, k) => {
    offsets.push(ins.start);
    indexOf.set(ins, k);
    if (ins.getKeyword() === 'FROM') {
      const from = ins as From;
      const prev = stages[stages.length - 1];
      const line = ins.getRange().start.line;
      if (prev) prev.endLine = Math.max(prev.startLine, line - 1);
      const alias = from.getBuildStage();
      const args = argsOf(from);
      const imageArg = args[0];
      const image = imageArg ? { raw: text.slice(imageArg.start, imageArg.end), range: imageArg.getRange(), offset: imageArg.start } : undefined;
      const stage: Stage = {
        index: stages.length,
        from,
        name: alias?.toLowerCase() ?? undefined,
        nameText: alias ?? undefined,
        nameRange: from.getBuildStageRange() ?? undefined,
        instructions: [ins],
        startLine: line,
        endLine: lines.lineCount - 1,
        image,
        scratch: !!image && image.raw.toLowerCase() === 'scratch',
      };
      if (image) {
        const parent = byName.get(image.raw.toLowerCase());
        if (parent) stage.parent = parent;
      }
      if (stage.name) byName.set(stage.name, stage); // FROM binds the latest earlier definition
      stages.push(stage);
      stageOfIndex.push(stage);
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push(ins);
      stageOfIndex.push(stages[stages.length - 1]);
    } else {
      preamble.push(ins);
      stageOfIndex.push(undefined);
    }
  });
  resolveVariableParents(text, stages, preamble, syntax.escapeChar, lines);
  const comments = syntax.comments.map((c) => ({ line: c.range.start.line, text: c.content, range: c.range }));
  const directives: Directive[] = syntax.directives.map((d) => ({ name: d.name, value: d.value, range: d.range, nameRange: d.nameRange, valueRange: d.valueRange }));
  const m: DockerfileModel = {
    text,
    ...(template ? { template } : {}),
    lines,
    instructions,
    preamble,
    stages,
    comments,
    directives,
    escapeChar: syntax.escapeChar,
    problems: [],
    offsets,
    stageOfIndex,
    indexOf,
    cache: new Map(),
  };
  m.problems = findProblems(m);
  return m;
}

/**
 * `FROM build-${VARIANT}` names an earlier stage once the global ARG defaults are applied: record that parent, so stage
 * inheritance (ENV, ARG, WORKDIR, USER, labels) follows it.
 */
function resolveVariableParents(text: string, stages: Stage[], preamble: Instruction[], esc: string, lines: LineIndex): void {
  if (!stages.some((s) => !s.parent && s.image?.raw.includes('$'))) return;
  const global = new Map<string, Binding>();
  const lookup: Lookup = (n) => global.get(n);
  for (const ins of preamble) {
    if (ins.getKeyword() !== 'ARG') continue;
    for (const a of argsOf(ins)) {
      const v = a.getValue();
      const eq = v.indexOf('=');
      const name = eq < 0 ? v : v.slice(0, eq);
      const start = lines.offsetAt(a.getRange().start);
      global.set(name, { value: eq < 0 ? undefined : expand(text.slice(start + eq + 1, lines.offsetAt(a.getRange().end)), start + eq + 1, lookup, { escapeChar: esc }).value, kind: 'global-arg' });
    }
  }
  for (const stage of stages) {
    if (stage.parent || !stage.image?.raw.includes('$')) continue;
    const value = expand(stage.image.raw, stage.image.offset, lookup, { escapeChar: esc }).value.toLowerCase();
    if (value.includes(UNKNOWN)) continue;
    const parent = [...stages.slice(0, stage.index)].reverse().find((s) => s.name === value);
    if (parent) stage.parent = parent;
  }
}

const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;

/** What Docker's parser and instruction pass reject. Each problem names the exact text. */
function findProblems(m: DockerfileModel): ParseProblem[] {
  const out: ParseProblem[] = [];
  const add = (message: string, r: Range): void => {
    out.push({ message, range: r });
  };
  const seenDirectives = new Set<string>();
  for (const d of m.directives) {
    if (seenDirectives.has(d.name) && (d.name === 'escape' || d.name === 'syntax' || d.name === 'check')) {
      add(`Only one "${d.name}" parser directive can be used.`, d.range);
    }
    seenDirectives.add(d.name);
    if (d.name === 'escape' && d.value !== '\\' && d.value !== '`') {
      add(`Invalid escape character "${d.value}": it must be \\ or \`.`, d.valueRange);
    }
  }
  if (m.instructions.length && !m.stages.length) {
    const first = m.instructions[0];
    if (first.getKeyword() === 'ARG' || m.instructions.every((i) => i.getKeyword() === 'ARG')) {
      add('The Dockerfile has no FROM instruction, so there is no stage to build.', first.getInstructionRange());
    }
  }
  // A template (Go/Jinja `{{ }}`, `{% %}`) is not a Dockerfile until rendered: say so once instead of once per line.
  const templateLines = m.instructions.filter((i) => /^\{[{%]/.test(i.getInstruction()) || i.getInstruction() === '{{' || i.getInstruction() === '{%');
  const template = templateLines.length > 0;
  let unknownInTemplate = 0;
  const addOrCount = (message: string, r: Range): void => {
    if (template && (message.startsWith('Unknown instruction') || /\{\{|\{%/.test(m.lines.line(r.start.line)))) unknownInTemplate++;
    else add(message, r);
  };
  for (const outer of m.instructions) {
    checkInstruction(m, outer, addOrCount, false);
    const t = trigger(outer);
    if (t) checkInstruction(m, t, addOrCount, true);
  }
  if (unknownInTemplate) {
    const first = templateLines[0];
    add(
      `This file holds template syntax ("${first.getInstruction()}…") where Docker expects instructions; ${unknownInTemplate} line${unknownInTemplate > 1 ? 's are' : ' is'} not valid Dockerfile syntax. Lint the rendered Dockerfile.`,
      first.getInstructionRange(),
    );
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Instructions of Rocker (grammarly/rocker), which extends the Dockerfile syntax; Docker itself has none of them. */
const ROCKER_ONLY = new Set(['MOUNT', 'TAG', 'PUSH', 'ATTACH', 'IMPORT', 'EXPORT']);

function checkInstruction(m: DockerfileModel, ins: Instruction, add: (msg: string, r: Range) => void, inOnbuild: boolean): void {
  const kw = ins.getKeyword();
  const kwRange = ins.getInstructionRange();
  if (!INSTRUCTION_SET.has(kw)) {
    // a template branch that renders a Rockerfile (`<% if rocker %>MOUNT /opt<% end %>`): Rocker's own instruction
    if (m.template && ROCKER_ONLY.has(kw) && conditional(m.template, m.lines.offsetAt(kwRange.start))) return;
    const hint = didYouMean(kw, INSTRUCTIONS, 2);
    add(`Unknown instruction "${ins.getInstruction()}"${hint.length ? ` (did you mean ${hint[0]}?)` : ''}.`, kwRange);
    return;
  }
  const args = argsOf(ins);
  const heredocs = heredocsOf(ins);
  for (const h of heredocs) {
    if (!h.getDelimiterRange()) add(`The heredoc "${h.getName()}" is never closed: no line holds only "${h.getName()}".`, h.getNameRange());
  }
  const known = KNOWN_FLAGS[kw];
  if (known) {
    for (const f of flagsOf(ins)) {
      const name = f.getName();
      if (!name) continue; // `--` ends the flags
      if (!known.includes(name)) {
        const hint = didYouMean(name, known, 2);
        add(`Unknown flag --${name} for ${kw}${hint.length ? ` (did you mean --${hint[0]}?)` : ''}.`, f.getNameRange());
        continue;
      }
      checkFlagValue(f, add);
    }
  }
  if (!args.length) {
    // BuildKit's instruction pass rejects these without arguments; RUN, CMD and ENTRYPOINT are left alone.
    if (!['RUN', 'CMD', 'ENTRYPOINT'].includes(kw)) {
      add(`${kw} needs ${kw === 'COPY' || kw === 'ADD' ? 'a source and a destination' : kw === 'ONBUILD' ? 'an instruction to trigger' : 'an argument'}.`, kwRange);
    }
    return;
  }
  switch (kw) {
    case 'FROM': {
      if (inOnbuild) return;
      const n = args.length;
      const image = args[0].getValue();
      // (an earlier stage's name is a valid reference: looked up only for what is not a valid image name, so that
      // 10,000 stages do not cost 10,000 x 10,000 comparisons)
      let why = image.includes('$') ? undefined : invalidReference(image);
      if (why) {
        // (the name and line computed once: a file of thousands of FROM lines must not cost stages × stages of work)
        const name = image.toLowerCase();
        const line = ins.getRange().start.line;
        if (m.stages.some((st) => st.name === name && st.startLine < line)) why = undefined;
      }
      if (why) add(`"${image}" is not a valid image reference: ${why}.`, args[0].getRange());
      if (n === 2 || n > 3) add('FROM takes an image and optionally "AS name": one or three arguments.', argsRangeOf(ins) ?? kwRange);
      else if (n === 3 && args[1].getValue().toLowerCase() !== 'as') add(`Expected "AS" before the stage name, found "${args[1].getValue()}".`, args[1].getRange());
      else if (n === 3) {
        const name = args[2].getValue();
        if (!STAGE_NAME.test(name.toLowerCase()) && !name.includes('$')) {
          add(`Invalid stage name "${name}": it must start with a letter and hold only letters, digits, "-", "_" and ".".`, args[2].getRange());
        }
      }
      break;
    }
    case 'COPY':
    case 'ADD': {
      const ef = execForm(m, ins);
      const count = ef && ef !== 'invalid' ? ef.values.length : words(m, ins).length;
      if (count < 2 && !(heredocs.length && count >= 1)) add(`${kw} needs at least a source and a destination.`, argsRangeOf(ins) ?? kwRange);
      const fromFlag = kw === 'COPY' ? flagsOf(ins).find((f) => f.getName() === 'from') : undefined;
      const fv = fromFlag?.getValue();
      if (fromFlag && fv && fv.includes('$')) {
        add('COPY --from does not expand variables; declare a stage (FROM ${IMAGE} AS name) and copy from it.', fromFlag.getValueRange() ?? fromFlag.getRange());
      }
      break;
    }
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL': {
      const ef = execForm(m, ins);
      if (ef === 'invalid') add(`${kw} in JSON form must be an array of strings only.`, argsRangeOf(ins) ?? kwRange);
      else if (kw === 'SHELL' && !ef) add('SHELL must be written in JSON form, for example SHELL ["/bin/bash", "-c"].', argsRangeOf(ins) ?? kwRange);
      else if (kw === 'SHELL' && ef && !ef.values.length) add('SHELL needs at least the shell executable.', argsRangeOf(ins) ?? kwRange);
      break;
    }
    case 'HEALTHCHECK': {
      const sub = args[0];
      const s = sub.getValue().toUpperCase();
      if (s === 'NONE') {
        if (args.length > 1) add('HEALTHCHECK NONE takes no other arguments.', args[1].getRange());
        if (flagsOf(ins).length) add('HEALTHCHECK NONE takes no flags.', flagsOf(ins)[0].getRange());
      } else if (s === 'CMD') {
        if (args.length < 2) add('HEALTHCHECK CMD needs a command.', sub.getRange());
      } else add(`HEALTHCHECK expects CMD or NONE, found "${sub.getValue()}".`, sub.getRange());
      break;
    }
    case 'ENV':
    case 'LABEL': {
      const ps = pairs(m, ins);
      if (ps.length === 1 && ps[0].legacy && ps[0].raw === undefined) {
        add(`${kw} needs a value: ${kw} ${ps[0].name}=<value>.`, m.lines.rangeOf(ps[0].nameStart, ps[0].nameEnd));
      } else if (!ps[0]?.legacy) {
        for (const p of ps) {
          if (p.raw === undefined) add(`"${p.name}" has no "=": ${kw} takes name=value pairs.`, m.lines.rangeOf(p.nameStart, p.nameEnd));
          else if (!p.name) add(`${kw} has an empty name.`, m.lines.rangeOf(p.nameStart, (p.valueEnd ?? p.nameEnd)));
        }
      }
      break;
    }
    case 'ARG': {
      for (const p of pairs(m, ins)) {
        if (!p.name) add('ARG has an empty name.', m.lines.rangeOf(p.nameStart, p.valueEnd ?? p.nameEnd));
      }
      break;
    }
  }
}

function checkFlagValue(f: ReturnType<typeof flagsOf>[number], add: (msg: string, r: Range) => void): void {
  const name = f.getName();
  const value = f.getValue();
  const vr = f.getValueRange() ?? f.getRange();
  const boolFlags = ['link', 'parents', 'keep-git-dir', 'unpack'];
  if (value === null) {
    if (!boolFlags.includes(name)) add(`--${name} needs a value: --${name}=<value>.`, f.getRange());
    return;
  }
  if (value.includes('$')) return;
  switch (name) {
    case 'interval':
    case 'timeout':
    case 'start-period':
    case 'start-interval':
      if (!DURATION.test(value)) add(`--${name}=${value} is not a duration (write it like 30s, 1m30s or 500ms).`, vr);
      break;
    case 'retries':
      if (!/^\d+$/.test(value)) add(`--retries=${value} is not a whole number.`, vr);
      break;
    case 'network':
      if (!['default', 'none', 'host'].includes(value)) add(`--network=${value} is not one of default, none, host.`, vr);
      break;
    case 'security':
      if (!['sandbox', 'insecure'].includes(value)) add(`--security=${value} is not one of sandbox, insecure.`, vr);
      break;
    case 'chmod':
      if (!/^[0-7]{1,4}$/.test(value) && !/^([ugoa]*[-+=]([rwxXst]*|[ugo]))+(,([ugoa]*[-+=]([rwxXst]*|[ugo]))+)*$/.test(value)) {
        add(`--chmod=${value} is neither an octal mode (0755) nor a symbolic one (u+x).`, vr);
      }
      break;
    case 'link':
    case 'parents':
    case 'keep-git-dir':
    case 'unpack':
      if (!/^(true|false|1|0|t|f|TRUE|FALSE|True|False)$/.test(value)) add(`--${name}=${value} is not a boolean.`, vr);
      break;
    case 'mount': {
      const type = f.getOption('type')?.getValue() ?? 'bind';
      if (!['bind', 'cache', 'tmpfs', 'secret', 'ssh'].includes(type)) {
        const o = f.getOption('type')!;
        add(`Unknown mount type "${type}": use bind, cache, tmpfs, secret or ssh.`, o.getValueRange() ?? o.getRange());
      }
      break;
    }
  }
}

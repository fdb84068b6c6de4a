/**
 * Variables across the file, computed once per parse and shared by rules and hover: the global ARGs FROM sees,
 * each stage's ARG and ENV definitions (inherited by `FROM <stage>` children), lookups at any instruction, and the
 * expanded base image of every stage.
 */
import type { Instruction } from './syntax';
import { cached, stageChain, type DockerfileModel, type Stage } from './model';
import { argsSpan, flagsOf, pairs, trigger } from './instructions';
import { expand, expandValue, UNKNOWN, type Binding, type Expansion, type Lookup } from './variables';
import { parseImageRef, type ImageRef } from './image';

/** ARGs Docker defines in the global scope for every build. */
export const PLATFORM_ARGS = [
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'BUILDOSVERSION',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETOSVERSION', 'TARGETSTAGE',
];
/** Build args every RUN sees without an ARG (any case). */
export const PROXY_ARGS = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'];
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

interface Def {
  index: number;
  name: string;
  binding: Binding;
}

export interface BaseImage {
  expansion: Expansion;
  /** The parsed reference; undefined when empty. */
  ref?: ImageRef;
  /** The FROM names an earlier stage. */
  stage?: Stage;
  scratch: boolean;
}

export interface Analysis {
  /** Global ARGs (before the first FROM) as FROM sees them, predefined platform ARGs included. */
  global: Map<string, Binding>;
  /** Global ARG declarations in order, with the instruction. */
  globalDecls: { name: string; binding: Binding; ins: Instruction }[];
  defs: Map<Stage, Map<string, Def[]>>;
  base: Map<Stage, BaseImage>;
}

export function analysis(m: DockerfileModel): Analysis {
  return cached(m, 'analysis', () => analyse(m));
}

function analyse(m: DockerfileModel): Analysis {
  const global = new Map<string, Binding>();
  for (const p of PLATFORM_ARGS) global.set(p, { value: undefined, kind: 'predefined' });
  const globalDecls: Analysis['globalDecls'] = [];
  const globalLookup: Lookup = (n) => global.get(n);
  for (const ins of m.preamble) {
    if (ins.getKeyword() !== 'ARG') continue;
    for (const p of pairs(m, ins)) {
      const line = m.lines.positionAt(p.nameStart).line;
      const value = p.raw === undefined ? undefined : expandValue(p.raw, p.valueStart!, globalLookup, { escapeChar: m.escapeChar });
      const b: Binding = { value, kind: 'global-arg', line };
      global.set(p.name, b);
      globalDecls.push({ name: p.name, binding: b, ins });
    }
  }
  const a: Analysis = { global, globalDecls, defs: new Map(), base: new Map() };
  for (const stage of m.stages) {
    a.base.set(stage, baseImage(m, stage, global));
    const defs = new Map<string, Def[]>();
    a.defs.set(stage, defs);
    for (const ins of stage.instructions) {
      const kw = ins.getKeyword();
      if (kw !== 'ARG' && kw !== 'ENV') continue;
      const index = m.indexOf.get(ins)!;
      const lookup = lookupIn(a, stage, index, true);
      const line = ins.getRange().start.line;
      const add: Def[] = [];
      for (const p of pairs(m, ins)) {
        if (!p.name) continue;
        let binding: Binding;
        if (kw === 'ARG') {
          if (p.raw === undefined) {
            const g = global.get(p.name);
            binding = { value: g && g.kind === 'global-arg' ? g.value : undefined, kind: 'arg', line };
          } else binding = { value: expandValue(p.raw, p.valueStart!, lookup, { escapeChar: m.escapeChar }), kind: 'arg', line };
        } else {
          const raw = p.raw ?? '';
          binding = { value: expandValue(raw, p.valueStart ?? 0, lookup, { escapeChar: m.escapeChar }), kind: 'env', line };
        }
        add.push({ index, name: p.name, binding });
      }
      // one instruction's values all see the scope before it (ENV a=1 b=$a sees the old a)
      for (const d of add) {
        let list = defs.get(d.name);
        if (!list) defs.set(d.name, (list = []));
        list.push(d);
      }
    }
  }
  return a;
}

function baseImage(m: DockerfileModel, stage: Stage, global: Map<string, Binding>): BaseImage {
  const img = stage.image;
  const empty: Expansion = { value: '', srcStart: [], srcEnd: [], refs: [], problems: [] };
  if (!img) return { expansion: empty, scratch: false };
  const x = expand(img.raw, img.offset, (n) => global.get(n), { escapeChar: m.escapeChar });
  const lower = x.value.toLowerCase();
  const stageRef = stage.parent ?? (x.refs.length ? m.stages.find((s) => s.index < stage.index && s.name === lower) : undefined);
  return { expansion: x, ref: parseImageRef(x.value), stage: stageRef, scratch: lower === 'scratch' };
}

/** A lookup of the variables visible to the instruction at `index` in `stage` (ARG and ENV of the stage chain). */
function lookupIn(a: Analysis, stage: Stage, index: number, baseUnknown: boolean): Lookup {
  const chain = stageChain(stage);
  const rootScratch = chain[chain.length - 1].scratch;
  return (name) => {
    for (let k = 0; k < chain.length; k++) {
      const list = a.defs.get(chain[k])?.get(name);
      if (!list) continue;
      for (let j = list.length - 1; j >= 0; j--) {
        if (k > 0 || list[j].index < index) return list[j].binding;
      }
    }
    if (name === 'PATH' && rootScratch) return { value: DEFAULT_PATH, kind: 'env' };
    if (baseUnknown && !rootScratch) return { value: undefined, kind: 'env' };
    return undefined;
  };
}

/**
 * The variables an instruction sees. `strict`: only what the Dockerfile declares (undefined = not declared). Otherwise
 * names the file does not declare count as unknown when the stage's base image is external (its ENV may set them).
 */
export function lookupAt(m: DockerfileModel, ins: Instruction, strict = false): Lookup {
  const a = analysis(m);
  const outer = onbuildOwner(m, ins) ?? ins;
  const index = m.indexOf.get(outer);
  if (index === undefined) return () => undefined;
  const stage = m.stageOfIndex[index];
  if (!stage) return (n) => a.global.get(n);
  if (outer !== ins) return () => ({ value: undefined, kind: 'env' }); // ONBUILD triggers run in another build
  return lookupIn(a, stage, index, !strict);
}

/** For a trigger instruction, the ONBUILD that holds it. */
function onbuildOwner(m: DockerfileModel, ins: Instruction): Instruction | undefined {
  if (m.indexOf.has(ins)) return undefined;
  const line = ins.getRange().start.line;
  for (const o of m.instructions) if (o.getKeyword() === 'ONBUILD' && o.getRange().start.line === line && trigger(o)) return o;
  return undefined;
}

/** Expands a word of an instruction with the variables it sees (never for RUN/CMD/ENTRYPOINT, which Docker does not expand). */
export function expandAt(m: DockerfileModel, ins: Instruction, raw: string, offset: number, strict = false): Expansion {
  return expand(raw, offset, lookupAt(m, ins, strict), { escapeChar: m.escapeChar });
}

/** A stage's base image, expanded with the global ARGs. */
export function baseOf(m: DockerfileModel, stage: Stage): BaseImage {
  return analysis(m).base.get(stage)!;
}

/** True when a text holds an unknown piece. */
export function isUnknown(s: string): boolean {
  return s.includes(UNKNOWN);
}

/** Instructions whose words Docker expands (RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, MAINTAINER, ONBUILD are not). */
export const EXPANDING = new Set(['FROM', 'ARG', 'ENV', 'LABEL', 'COPY', 'ADD', 'WORKDIR', 'USER', 'VOLUME', 'EXPOSE', 'STOPSIGNAL']);

export interface Use {
  ins: Instruction;
  /** The ONBUILD holding `ins`, when it is a trigger. */
  onbuild?: Instruction;
  /** What was expanded: the arguments, or one flag's value. */
  what: 'args' | 'flag';
  /** Its references, problems and value; without per-character source spans (srcStart and srcEnd are empty). */
  x: Expansion;
}

/**
 * Every text Docker expands, expanded once with the variables the file declares (strict lookups): the arguments of
 * FROM, ARG, ENV, LABEL, COPY, ADD, WORKDIR, USER, VOLUME, EXPOSE, STOPSIGNAL, and the values of FROM --platform,
 * COPY/ADD --chown/--chmod/--checksum and RUN --mount.
 */
export function expandedUses(m: DockerfileModel): Use[] {
  return cached(m, 'uses', () => {
    const a = analysis(m);
    const out: Use[] = [];
    const globalLookup: Lookup = (n) => a.global.get(n);
    const visit = (ins: Instruction, onbuild?: Instruction): void => {
      const kw = ins.getKeyword();
      let cachedLookup: Lookup | undefined;
      // built on first use: most instructions expand nothing
      const lookup: Lookup = (n) =>
        (cachedLookup ??= onbuild ? () => ({ value: undefined, kind: 'env' }) : kw === 'FROM' ? globalLookup : lookupAt(m, ins, true))(n);
      for (const f of flagsOf(ins)) {
        const name = f.getName();
        const expands =
          (kw === 'FROM' && name === 'platform') ||
          ((kw === 'COPY' || kw === 'ADD') && (name === 'chown' || name === 'chmod' || name === 'checksum')) ||
          (kw === 'RUN' && name === 'mount');
        const v = f.getValue();
        const vr = f.getValueRange();
        if (!expands || !v || !vr || !v.includes('$')) continue;
        const start = m.lines.offsetAt(vr.start);
        out.push({ ins, onbuild, what: 'flag', x: expand(m.text.slice(start, m.lines.offsetAt(vr.end)), start, lookup, { escapeChar: m.escapeChar, spans: false }) });
      }
      if (!EXPANDING.has(kw)) return;
      const span = argsSpan(m, ins);
      if (!span || !span.text.includes('$') && !/["']/.test(span.text)) return;
      // no per-character spans: the rules that read these want references and problems, and spans for every
      // character of a long expanded value made 1,900 `ENV PATH /x:$PATH` lines take seconds
      out.push({ ins, onbuild, what: 'args', x: expand(span.text, span.start, lookup, { escapeChar: m.escapeChar, spans: false }) });
    };
    for (const ins of m.instructions) {
      visit(ins);
      const t = trigger(ins);
      if (t) visit(t, ins);
    }
    return out;
  });
}

/** The value Docker gives a COPY/ADD word: exec-form strings and shell-form words are both expanded. */
export function wordValue(m: DockerfileModel, ins: Instruction, w: { text: string; start: number; end: number }, json: boolean): string {
  if (json) {
    if (!w.text.includes('$')) return w.text;
    return expand(w.text, w.start + 1, lookupAt(m, ins), { escapeChar: m.escapeChar, quotes: false }).value;
  }
  const raw = m.text.slice(w.start, w.end);
  if (!raw.includes('$') && !/["'\\`]/.test(raw)) return raw;
  return expandAt(m, ins, raw, w.start).value;
}

/** Environment variables base images commonly define: the file cannot see them, so rules must not call them unset. */
export const COMMON_IMAGE_ENV = new Set(
  [
    'PATH', 'HOME', 'HOSTNAME', 'LANG', 'LANGUAGE', 'LC_ALL', 'TERM', 'USER', 'SHELL', 'TZ', 'PWD', 'JAVA_HOME', 'JAVA_VERSION',
    'GOPATH', 'GOROOT', 'GOLANG_VERSION', 'GOTOOLCHAIN', 'PYTHON_VERSION', 'PYTHONPATH', 'NODE_VERSION', 'YARN_VERSION',
    'RUBY_VERSION', 'GEM_HOME', 'BUNDLE_PATH', 'BUNDLE_APP_CONFIG', 'PHP_VERSION', 'PHP_INI_DIR', 'LD_LIBRARY_PATH',
    'CARGO_HOME', 'RUSTUP_HOME', 'RUST_VERSION', 'MAVEN_HOME', 'GRADLE_HOME', 'DOTNET_VERSION', 'ASPNET_VERSION',
    'PROGRAMFILES', 'PROGRAMDATA', 'SYSTEMROOT', 'WINDIR', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'TEMP', 'TMP',
    'COMSPEC', 'PATHEXT', 'SYSTEMDRIVE', 'PROGRAMFILES(X86)', 'COMMONPROGRAMFILES', 'PSMODULEPATH',
  ],
);
export function isCommonImageEnv(name: string): boolean {
  return COMMON_IMAGE_ENV.has(name.toUpperCase());
}

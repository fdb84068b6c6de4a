/**
 * What the Dockerfile speed-ups must not change: dockerfile-ast's tokens (our tokeniser against its own), the RUN
 * command model (tree-sitter's cursor called directly against web-tree-sitter's TreeCursor), and the findings (the
 * parse cache on, off, cold and warm; an edit to one RUN re-parses that RUN only and changes only its findings).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Argument, type Instruction } from 'dockerfile-ast';
import { engineReady, ROOT, CORPUS as CORPUS_ROOT } from '../helpers/setup';
import { lint, defaultConfig, mergeConfig, allRules, clearCaches, kindOf, type Finding } from '../../src/core/index';
import { rawArguments } from '../../src/core/dockerfile/syntax';
import { LineIndex } from '../../src/core/text';
import { parseDockerfile } from '../../src/core/dockerfile/parse';
import { dockerfileShell } from '../../src/core/dockerfile/shell/analysis';
import { nativeCursorActive, setNativeCursor } from '../../src/core/shell/parser';
import { setShellCacheEnabled, setShellCacheLimits, shellCacheStats, type ShellScript, type Word } from '../../src/core/shell/script';

const CORPUS = join(CORPUS_ROOT, 'dockerfile');
const FIXTURES = join(ROOT, 'test', 'rules', 'fixtures', 'dockerfile');

function texts(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => kindOf(f) === 'dockerfile' || dir === FIXTURES)
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

/** Every Dockerfile rule on, the configuration-dependent ones configured. */
function allOn() {
  const rules: Record<string, 'warning' | 'error' | 'info' | 'hint'> = {};
  for (const m of allRules()) if (m.kind === 'dockerfile') rules[m.code] = m.severity === 'off' ? 'warning' : m.severity;
  return mergeConfig(defaultConfig(), {
    rules,
    dockerfile: { shellcheck: false, trustedRegistries: ['docker.io'], strictLabels: true, labelSchema: { 'org.opencontainers.image.source': 'url' } },
  });
}

/** The whole command model of a script, ranges included, as comparable data. */
function model(s: ShellScript): unknown {
  const w = (x: Word | undefined) => x && [x.start, x.end, x.raw, x.text, x.literal, x.range];
  return {
    text: s.source.text,
    hasError: s.hasError,
    pipefailFrom: s.pipefailFrom,
    kind: s.kind,
    pipelines: s.pipelines.map((p) => [p.start, p.end, p.uncertain, p.operators, p.elements.map((e) => [e.start, e.end, e.command ? s.commands.indexOf(e.command) : -1])]),
    commands: s.commands.map((c) => [
      w(c.name), c.program, c.args.map(w), c.assignments.map((a) => [a.name, w(a.value), a.start, a.end, a.range]), c.redirects.map((r) => [r.op, r.fd, w(r.target)]),
      c.wrappers.map((x) => [w(x.name), x.program, x.args.map(w)]), c.start, c.end, c.range, c.inSubshell, c.inSubstitution, c.inFunction, c.inCondition,
      c.background, c.uncertain, c.argsFromStdin, c.pipeline ? s.pipelines.indexOf(c.pipeline) : -1, c.pipeIndex,
    ]),
    nested: s.nested.map(model),
  };
}

function runModels(text: string): unknown[] {
  const sh = dockerfileShell(parseDockerfile(text));
  return sh.runs.map((r) => [r.form, r.analysable, r.heredocs.map((h) => [h.name, h.kind, h.interpreter, h.markerRange]), r.scripts.map(model)]);
}

function findingsByFile(config = allOn()): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const { name, text } of texts(CORPUS)) out.set(name, lint(text, 'dockerfile', config));
  return out;
}

describe('dockerfile speed-ups change nothing', function () {
  this.timeout(120_000); // the whole corpus, several times over
  before(engineReady);
  afterEach(() => {
    setNativeCursor(true);
    setShellCacheEnabled(true);
    setShellCacheLimits();
  });

  // dockerfile-ast (a dev dependency, used here only as a reference) reads the same words: our word splitting is its
  // algorithm re-implemented; compared over the same span of text, whatever the two parsers take as the instruction's extent.
  it('splits words exactly as dockerfile-ast does over the same text (corpus, fixtures, generated edge cases)', () => {
    const all = [...texts(CORPUS), ...texts(FIXTURES)].map((t) => t.text);
    // escapes, blanks after escapes, comments and blank lines inside continuations, CRLF, the escape character last
    const pieces = ['RUN', ' ', '\t', 'a', 'b#c', '#', '\\', '`', '\n', '\r\n', '\r', '$', '"', "'", '\\ ', '\\\n', '\\  \n', ' # c\n', '--x=1', '<<EOF', 'EOF'];
    let seed = 12345;
    const rnd = (k: number) => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let z = seed;
      z = Math.imul(z ^ (z >>> 15), z | 1);
      z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
      return ((z ^ (z >>> 14)) >>> 0) % k;
    };
    for (let k = 0; k < 3000; k++) {
      let t = (k % 3 === 0 ? '# escape=`\n' : '') + 'FROM x\nRUN ';
      for (let i = 1 + rnd(14); i > 0; i--) t += pieces[rnd(pieces.length)];
      all.push(t);
    }
    let n = 0;
    for (const text of all) {
      const lines = new LineIndex(text);
      const ast = DockerfileParser.parse(text);
      const esc = ast.getEscapeCharacter();
      for (const outer of ast.getInstructions()) {
        const trigger = (outer as unknown as { getTriggerInstruction?(): Instruction | null }).getTriggerInstruction?.();
        for (const ins of trigger ? [outer, trigger] : [outer]) {
          n++;
          const plain = (args: { getValue(): string; getRange(): unknown }[]) => args.map((a) => [a.getValue(), a.getRange()]);
          const from = lines.offsetAt(ins.getInstructionRange().end);
          const to = lines.offsetAt(ins.getRange().end);
          assert.deepEqual(
            plain(rawArguments(text, from, to, esc, lines)),
            plain((ins as unknown as { getRawArguments(): Argument[] }).getRawArguments()),
            `${JSON.stringify(ins.getTextContent())}`,
          );
        }
      }
    }
    assert.ok(n > 10000, `only ${n} instructions compared`);
  });

  it('walks trees with tree-sitter cursor functions called directly, and builds the same RUN model as through TreeCursor', () => {
    assert.ok(nativeCursorActive(), 'the direct cursor is off: web-tree-sitter changed, see shell/parser.ts');
    setShellCacheEnabled(false);
    for (const { name, text } of [...texts(CORPUS), ...texts(FIXTURES)]) {
      setNativeCursor(true);
      const fast = runModels(text);
      setNativeCursor(false);
      const slow = runModels(text);
      assert.deepEqual(fast, slow, name);
    }
  });

  it('finds the same with the parse cache off, cold and warm, on the whole corpus (every finding compared)', () => {
    setShellCacheEnabled(false);
    const off = findingsByFile();
    setShellCacheEnabled(true);
    clearCaches();
    const cold = findingsByFile();
    const afterCold = shellCacheStats();
    assert.ok(afterCold.misses > 1000 && afterCold.entries > 1000, JSON.stringify(afterCold));
    const warm = findingsByFile();
    const afterWarm = shellCacheStats();
    assert.equal(afterWarm.misses, afterCold.misses, 'the second lint parsed scripts again');
    assert.ok(afterWarm.hits > afterCold.hits + 1000);
    let n = 0;
    for (const [name, findings] of off) {
      n += findings.length;
      assert.deepEqual(cold.get(name), findings, `${name}: cold cache`);
      assert.deepEqual(warm.get(name), findings, `${name}: warm cache`);
    }
    assert.ok(n > 3000, `only ${n} findings`);
  });

  it('re-parses only the edited RUN, and only that RUN\'s findings change', () => {
    const config = allOn();
    const lines = [
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y curl wget',
      'RUN pip install requests && curl -k https://example.com/x | sh',
      'RUN cd /tmp && sudo apt-get install python3',
      'CMD service nginx start && service php start',
      '',
    ];
    const before = lines.join('\n');
    clearCaches();
    const first = lint(before, 'dockerfile', config);
    const edited = before.replace('pip install requests', 'pip install --no-cache-dir requests==2.32.3');
    const misses = shellCacheStats().misses;
    const second = lint(edited, 'dockerfile', config);
    assert.equal(shellCacheStats().misses - misses, 1, 'one script (the edited RUN) parsed again');
    setShellCacheEnabled(false);
    assert.deepEqual(second, lint(edited, 'dockerfile', config), 'warm lint of the edit = uncached lint of the edit');
    const outside = (fs: Finding[]) => fs.filter((f) => f.range.start.line !== 2);
    assert.deepEqual(outside(second), outside(first), 'findings outside the edited RUN');
    assert.notDeepEqual(second.filter((f) => f.range.start.line === 2), first.filter((f) => f.range.start.line === 2));
  });

  it('re-uses a script moved to another line with ranges at its new place', () => {
    const config = allOn();
    const text = 'FROM debian:12\nRUN apt-get install curl\n';
    clearCaches();
    lint(text, 'dockerfile', config);
    const moved = 'FROM debian:12\n# a comment\n\n  RUN apt-get install curl\n';
    const misses = shellCacheStats().misses;
    const warm = lint(moved, 'dockerfile', config);
    assert.equal(shellCacheStats().misses, misses, 'no new parse');
    setShellCacheEnabled(false);
    assert.deepEqual(warm, lint(moved, 'dockerfile', config));
    assert.ok(warm.some((f) => f.code === 'DL3008' && f.range.start.line === 3 && f.range.start.character === 22), JSON.stringify(warm));
  });

  it('re-uses a walked script only at the same place, and what the rest of the file says still counts', () => {
    const config = allOn();
    // same length before the RUN: the RUN keeps its offsets, lines and columns; the heredoc script too
    const a = 'FROM debian:12\nARG V=1\nRUN apt-get install -y curl=$V && sh -c "pip install x" || true\nRUN <<EOF\nset -e\napt-get install -y wget\nEOF\n';
    const b = a.replace('debian:12', 'ubuntu:24').replace('V=1', 'W=2');
    clearCaches();
    const first = dockerfileShell(parseDockerfile(a));
    const second = dockerfileShell(parseDockerfile(b));
    assert.equal(second.runs[0].line, first.runs[0].line, 'the command line is reused');
    assert.equal(second.runs[1].heredocs[0].script, first.runs[1].heredocs[0].script, 'the heredoc script is reused');
    assert.equal(second.runs[1].heredocs[0].script!.kind, 'heredoc');
    assert.equal(second.runs[0].line!.source.lines.text, b, 'moved to the current document');
    const warm = lint(b, 'dockerfile', config);
    // one line more above: same text, another place, walked again (ranges at the new place)
    const c = 'FROM debian:12\n\n' + a.slice('FROM debian:12\n'.length);
    const third = dockerfileShell(parseDockerfile(c));
    assert.notEqual(third.runs[0].line, first.runs[0].line);
    assert.equal(third.runs[0].line!.commands[0].range.start.line, 3);
    const warmC = lint(c, 'dockerfile', config);
    setShellCacheEnabled(false);
    assert.deepEqual(warm, lint(b, 'dockerfile', config), 'a reused script finds what a fresh one does');
    assert.deepEqual(warmC, lint(c, 'dockerfile', config));
  });

  it('keeps the cache within its bounds (least recently used out)', () => {
    setShellCacheLimits(50, 1_000_000);
    const config = allOn();
    for (let i = 0; i < 200; i++) lint(`FROM x\nRUN echo ${i} && apt-get install curl\n`, 'dockerfile', config);
    assert.equal(shellCacheStats().entries, 50);
    const misses = shellCacheStats().misses;
    lint('FROM x\nRUN echo 199 && apt-get install curl\n', 'dockerfile', config);
    assert.equal(shellCacheStats().misses, misses, 'the most recent script is still cached');
    lint('FROM x\nRUN echo 0 && apt-get install curl\n', 'dockerfile', config);
    assert.equal(shellCacheStats().misses, misses + 1, 'the oldest was evicted');
    setShellCacheLimits(4096, 2000);
    lint(`FROM x\nRUN echo ${'y'.repeat(400)}\n`, 'dockerfile', config);
    assert.equal(shellCacheStats().entries, 0, 'a script above an eighth of the size bound is not kept');
  });
});

describe('shell: double-quoted word values', () => {
  before(engineReady);

  it('keep line breaks and the blanks before the closing quote (tree-sitter-bash puts them outside string_content)', () => {
    const run = dockerfileShell(parseDockerfile('FROM x\nRUN <<EOF\ntr " " "\\n" && echo "a\n  $b\nc" "d "\nEOF\n')).runs[0];
    const [tr, echo] = run.commands;
    assert.equal(run.heredocs[0].kind, 'script');
    assert.deepEqual(tr.args.map((a) => a.text), [' ', '\\n']);
    assert.deepEqual(echo.args.map((a) => [a.text, a.literal]), [['a\n  $b\nc', false], ['d ', true]]);
  });
});

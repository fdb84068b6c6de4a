/**
 * Our Dockerfile reader against BuildKit's own parser behaviour. The cases under "BuildKit testfiles" are inputs and
 * expected outputs of moby/buildkit frontend/dockerfile/parser (testfiles/<name>/Dockerfile and result;
 * parser_heredoc_test.go), Apache-2.0, restated here as data: for each instruction, its keyword and, where BuildKit's
 * result is one shell-form string, that string (the logical line after the keyword, continuations removed).
 * Then the cases real files trip on (Windows paths ending in `\\`, heredoc bodies with `\` at a line end), and bounds
 * that catch a quadratic blow-up on pathological inputs.
 */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { parseSyntax } from '../../src/core/dockerfile/syntax';
import { parseDockerfile } from '../../src/core/dockerfile/parse';
import { execForm } from '../../src/core/dockerfile/instructions';
import { lint, defaultConfig, mergeConfig, allRules, LineIndex } from '../../src/core/index';
import { parseScript, setShellCacheEnabled } from '../../src/core/shell/script';
import { ShellSource } from '../../src/core/shell/source';

/** [keyword, BuildKit's shell-form string or undefined when not compared] per instruction. */
type Expected = [string, string?][];

function read(text: string) {
  return parseSyntax(text, new LineIndex(text));
}

function check(text: string, expected: Expected): void {
  const got = read(text).instructions;
  assert.deepEqual(
    got.map((i) => i.getKeyword().toLowerCase()),
    expected.map((e) => e[0]),
    'instructions',
  );
  expected.forEach(([, args], k) => {
    if (args !== undefined) assert.equal(got[k].getArgumentsContent() ?? '', args, `${expected[k][0]} #${k}`);
  });
}

describe('dockerfile syntax (BuildKit parser behaviour)', () => {
  before(engineReady);
  describe('BuildKit testfiles', () => {
    it('trailing-backslash: a line ending in an escaped backslash ends the instruction; blank lines inside continuations are skipped', () => {
      const text =
        '# https://github.com/docker/for-win/issues/5254\n\nFROM hello-world\n\nENV A path\nENV B another\\\\path\nENV C trailing\\\\backslash\\\\\nENV D This should not be appended to C\nENV E hello\\\n\\\nworld\nENV F hello\\\n \\\nworld\nENV G hello \\\n\\\nworld\n';
      check(text, [
        ['from', 'hello-world'],
        ['env', 'A path'],
        ['env', 'B another\\\\path'],
        ['env', 'C trailing\\\\backslash\\\\'],
        ['env', 'D This should not be appended to C'],
        ['env', 'E helloworld'],
        ['env', 'F hello world'],
        ['env', 'G hello world'],
      ]);
    });

    it('continue-at-eof: a continuation at the end of the file ends the instruction', () => {
      check('FROM alpine:3.5\n\nRUN something \\', [['from', 'alpine:3.5'], ['run', 'something']]);
    });

    it('continueIndent: blanks are kept, comment and blank lines inside a continuation are dropped', () => {
      const text = [
        'FROM ubuntu:14.04',
        '',
        'RUN echo hello\\',
        '  world\\',
        '  goodnight  \\',
        '  moon\\',
        '  light\\',
        'ning',
        'RUN echo hello  \\',
        '  world',
        'RUN echo hello  \\',
        'world',
        'RUN echo hello \\',
        'goodbye\\',
        'frog',
        'RUN echo hello  \\  ',
        'world',
        'RUN echo hi \\',
        ' \\',
        ' world \\',
        '\\',
        ' good\\',
        '\\',
        'night',
        'RUN echo goodbye\\',
        'frog',
        'RUN echo good\\',
        'bye\\',
        'frog',
        '',
        'RUN echo hello \\',
        '# this is a comment',
        '',
        '# this is a comment with a blank line surrounding it',
        '',
        'this is some more useful stuff',
        '',
      ].join('\n');
      check(text, [
        ['from', 'ubuntu:14.04'],
        ['run', 'echo hello  world  goodnight    moon  lightning'],
        ['run', 'echo hello    world'],
        ['run', 'echo hello  world'],
        ['run', 'echo hello goodbyefrog'],
        ['run', 'echo hello  world'],
        ['run', 'echo hi   world  goodnight'],
        ['run', 'echo goodbyefrog'],
        ['run', 'echo goodbyefrog'],
        ['run', 'echo hello this is some more useful stuff'],
      ]);
    });

    it('escape-after-comment: a directive after a comment is a comment, the escape stays \\', () => {
      const text = '# Comment here. Should not be looking for the following parser directive.\n# escape = `\n\nFROM image\nLABEL maintainer foo@bar.com\nENV GOPATH \\\n\\go';
      const r = read(text);
      assert.equal(r.escapeChar, '\\');
      assert.deepEqual(r.directives, []);
      check(text, [['from', 'image'], ['label', 'maintainer foo@bar.com'], ['env', 'GOPATH \\go']]);
    });

    it('escape, escape-nonewline: `# escape = `` makes the backtick the continuation character', () => {
      for (const text of [
        '#escape = `\n\nFROM image\nLABEL maintainer foo@bar.com\nENV GOPATH `\n\\go',
        '# escape = `\n# There is no white space line after the directives.\nFROM image\nLABEL maintainer foo@bar.com\nENV GOPATH `\n\\go\n',
      ]) {
        const r = read(text);
        assert.equal(r.escapeChar, '`');
        check(text, [['from', 'image'], ['label', 'maintainer foo@bar.com'], ['env', 'GOPATH \\go']]);
      }
    });

    it('escape-with-syntax: two directives, then an instruction continued with the backtick', () => {
      const r = read('# syntax = docker/dockerfile\n# escape = `\n\nFROM `\n    image\n');
      assert.deepEqual(r.directives.map((d) => [d.name, d.value]), [['syntax', 'docker/dockerfile'], ['escape', '`']]);
      check('# syntax = docker/dockerfile\n# escape = `\n\nFROM `\n    image\n', [['from', 'image']]);
    });

    it('escapes: escaped characters stay in the line; blank lines inside a continuation are skipped; exec form is JSON', () => {
      const text =
        'FROM ubuntu:14.04\nLABEL maintainer Erik \\\\Hollensbe <erik@hollensbe.org>\\"\n\nRUN apt-get \\update && \\\n  apt-get \\"install znc -y\nADD \\conf\\\\" /.znc\n\nRUN foo \\\n\nbar \\\n\nbaz\n\nCMD [ "\\/usr\\\\\\"/bin/znc", "-f", "-r" ]\n';
      check(text, [
        ['from', 'ubuntu:14.04'],
        ['label'],
        ['run', 'apt-get \\update &&   apt-get \\"install znc -y'],
        ['add'],
        ['run', 'foo bar baz'],
        ['cmd'],
      ]);
      const m = parseDockerfile(text);
      const ef = execForm(m, m.instructions[5]);
      assert.ok(ef && ef !== 'invalid');
      assert.deepEqual(ef.values, ['/usr\\"/bin/znc', '-f', '-r']);
    });
  });

  describe('BuildKit heredoc tests (parser_heredoc_test.go)', () => {
    const text = [
      '',
      'FROM alpine:3.6',
      '',
      'ENV NAME=me',
      '',
      'RUN ls',
      '',
      'USER <<INVALID',
      'INVALID',
      '',
      'RUN <<EMPTY',
      'EMPTY',
      '',
      'RUN 3<<EMPTY2',
      'EMPTY2',
      '',
      'RUN "<<NOHEREDOC"',
      '',
      'RUN <<INDENT',
      '\tfoo',
      '\tbar',
      'INDENT',
      '',
      'RUN <<-UNINDENT',
      '\tbaz',
      '\tquux',
      'UNINDENT',
      '',
      'RUN <<-UNINDENT2',
      '\tbaz',
      '\tquux',
      '\tUNINDENT2',
      '',
      "RUN <<-'NOEXPAND'",
      "\tdon't expand $NAME",
      'NOEXPAND',
      '',
      'RUN <<COMMENT',
      '# internal comment',
      'echo hello world',
      'echo foo bar # trailing comment',
      'COMMENT',
      '',
      'RUN --mount=type=cache,target=/foo <<MOUNT',
      'echo hello',
      'MOUNT',
      '',
      'COPY <<FILE1 <<FILE2 /dest',
      'content 1',
      'FILE1',
      'content 2',
      'FILE2',
      '',
      'COPY <<X <<Y /dest',
      'Y',
      'X',
      'X',
      'Y',
      '',
      'RUN <<COMPLEX python3',
      "print('hello world')",
      'COMPLEX',
      '',
      "RUN <<eo'f'",
      'echo foo',
      'eof',
      '',
      "RUN <<eo\\'f",
      'echo foo',
      "eo'f",
      '',
      "RUN <<'e'o\\'f",
      'echo foo',
      "eo'f",
      '',
      "RUN <<'one two'",
      'echo bar',
      'one two',
      '',
      'RUN <<$EOF',
      '$EOF',
      '',
      'RUN <<  EOF',
      'EOF',
      '',
      'RUN <<  EOF  > foo',
      'EOF',
      '',
    ].join('\n');
    // name, content, expand, chomp for each heredoc of each instruction
    const expected: [string, string, boolean, boolean][][] = [
      [], // FROM
      [], // ENV
      [], // RUN ls
      [], // USER <<INVALID
      [], // INVALID
      [['EMPTY', '', true, false]],
      [['EMPTY2', '', true, false]],
      [], // RUN "<<NOHEREDOC"
      [['INDENT', '\tfoo\n\tbar\n', true, false]],
      [['UNINDENT', '\tbaz\n\tquux\n', true, true]],
      [['UNINDENT2', '\tbaz\n\tquux\n', true, true]],
      [['NOEXPAND', "\tdon't expand $NAME\n", false, true]],
      [['COMMENT', '# internal comment\necho hello world\necho foo bar # trailing comment\n', true, false]],
      [['MOUNT', 'echo hello\n', true, false]],
      [
        ['FILE1', 'content 1\n', true, false],
        ['FILE2', 'content 2\n', true, false],
      ],
      [
        ['X', 'Y\n', true, false],
        ['Y', 'X\n', true, false],
      ],
      [['COMPLEX', "print('hello world')\n", true, false]],
      [['eof', 'echo foo\n', false, false]],
      [["eo'f", 'echo foo\n', true, false]],
      [["eo'f", 'echo foo\n', false, false]],
      [['one two', 'echo bar\n', false, false]],
      [['$EOF', '', true, false]],
      [['EOF', '', true, false]],
      [['EOF', '', true, false]],
    ];

    it('finds the same heredocs, names, bodies (raw) and flags as BuildKit', () => {
      const lines = new LineIndex(text);
      const got = parseSyntax(text, lines).instructions;
      assert.deepEqual(
        got.map((i) => i.getKeyword()),
        ['FROM', 'ENV', 'RUN', 'USER', 'INVALID', ...Array<string>(9).fill('RUN'), 'COPY', 'COPY', ...Array<string>(8).fill('RUN')].slice(0, got.length),
      );
      assert.equal(got.length, expected.length);
      got.forEach((ins, k) => {
        const hs = ins.getHeredocs().map((h) => {
          const c = h.getContentRange();
          return [h.getName(), c ? lines.textOf(c) + '\n' : '', h.expand, h.chomp];
        });
        assert.deepEqual(hs, expected[k], `instruction ${k}: ${ins.getTextContent()}`);
      });
    });
  });

  describe('what real files write', () => {
    it('a Windows path ending in an escaped backslash, then a blank line, ends the instruction (it does not swallow the next)', () => {
      const text = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a.dll C:\\\\Windows\\\\System32\\\\\n\nRUN echo next\n';
      check(text, [['from'], ['copy', 'a.dll C:\\\\Windows\\\\System32\\\\'], ['run', 'echo next']]);
      const m = parseDockerfile(text);
      assert.deepEqual(m.instructions[1].getRange(), { start: { line: 1, character: 0 }, end: { line: 1, character: 34 } });
      assert.deepEqual(m.problems, []);
    });

    it('with `# escape=``, a backslash at the end of a line is an ordinary character and the backtick continues', () => {
      const text = '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.dll C:\\Windows\\System32\\\nRUN dir `\n  C:\\\n';
      check(text, [['from'], ['copy', 'a.dll C:\\Windows\\System32\\'], ['run', 'dir   C:\\']]);
    });

    it('with `# escape=``, a line ending in an escaped backtick (``) ends the instruction, a blank line after it included', () => {
      // BuildKit builds its continuation pattern from the escape token: ([^`])`[ \t]*$|^`[ \t]*$ (parser.go setEscapeToken)
      const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo ``\n\nCOPY a.dll C:\\Windows\\System32\\\nRUN dir `\n  C:\\ ``  \nUSER ContainerUser\n';
      check(text, [['from'], ['run', 'echo ``'], ['copy', 'a.dll C:\\Windows\\System32\\'], ['run', 'dir   C:\\ ``'], ['user', 'ContainerUser']]);
      assert.deepEqual(parseDockerfile(text).problems, []);
    });

    it('any run of two or more escape characters at a line end ends the instruction (the pattern looks at one character before the last)', () => {
      check('FROM alpine\nENV A x\\\\\\\nENV B y\\\\ \t\nENV C z\\\\\\\\\nENV D w\n', [
        ['from'],
        ['env', 'A x\\\\\\'],
        ['env', 'B y\\\\'],
        ['env', 'C z\\\\\\\\'],
        ['env', 'D w'],
      ]);
      // a continuation line that is only blanks and the escape continues (the blank is the character before it)
      check('FROM alpine\nRUN echo a \\\n   \\\n  b\n', [['from'], ['run', 'echo a      b']]);
    });

    it('heredoc closing lines: `<<-` removes leading tabs only, a name followed by blanks is not the closing line', () => {
      const text = 'FROM alpine:3.20\nRUN <<-EOF\n\techo a \\\n\t\tEOF\nRUN <<EOF\necho b\nEOF \n  EOF\nEOF\nRUN echo after\n';
      const r = read(text);
      assert.deepEqual(r.instructions.map((i) => i.getKeyword()), ['FROM', 'RUN', 'RUN', 'RUN']);
      const lines = new LineIndex(text);
      assert.equal(lines.textOf(r.instructions[1].getHeredocs()[0].getContentRange()!), '\techo a \\');
      assert.equal(lines.textOf(r.instructions[2].getHeredocs()[0].getContentRange()!), 'echo b\nEOF \n  EOF');
      assert.equal(r.instructions[3].getArgumentsContent(), 'echo after');
    });

    it('a heredoc body is raw: lines ending in `\\;`, `\\x` or `\\` do not continue, and the closing name ends it', () => {
      const text = 'FROM alpine:3.20\nRUN <<EOF\nfind . -name x -exec rm {} \\;\nprintf a\\x\necho b \\\nEOF\nRUN echo after\n';
      const r = read(text);
      assert.deepEqual(r.instructions.map((i) => i.getKeyword()), ['FROM', 'RUN', 'RUN']);
      const h = r.instructions[1].getHeredocs()[0];
      assert.ok(h.getDelimiterRange(), 'closed');
      assert.equal(new LineIndex(text).textOf(h.getContentRange()!), 'find . -name x -exec rm {} \\;\nprintf a\\x\necho b \\');
      assert.deepEqual(parseDockerfile(text).problems, []);
      // the body's words are not the instruction's arguments
      assert.deepEqual(r.instructions[1].getArguments().map((a) => a.getValue()), ['<<EOF']);
    });

    it('both at once, linted with every rule: no unclosed heredoc, no empty line inside a COPY, no COPY of four sources', () => {
      const text = 'FROM alpine:3.20\nRUN <<EOF\nfind . -name x -exec rm {} \\;\nprintf a\\x\nEOF\nRUN echo after\nCOPY a.dll C:\\\\Windows\\\\System32\\\\\n\nRUN echo next\n';
      const rules: Record<string, 'warning'> = {};
      for (const r of allRules()) if (r.kind === 'dockerfile') rules[r.code] = 'warning';
      const codes = lint(text, 'dockerfile', mergeConfig(defaultConfig(), { rules, dockerfile: { shellcheck: false } })).map((f) => `${f.code} ${f.range.start.line}`);
      assert.ok(codes.length > 0 && !codes.some((c) => c.startsWith('DG')), codes.join(', '));
      for (const bad of ['DL1000', 'DKR003', 'DL3021', 'DL3045']) assert.ok(!codes.some((c) => c.startsWith(bad)), `${bad} in ${codes.join(', ')}`);
    });

    it('a comment line inside a continuation is a comment, and does not end the instruction', () => {
      const text = 'FROM alpine:3.20\nRUN apk add \\\n  # the shell\n  bash\nRUN echo next\n';
      const r = read(text);
      assert.deepEqual(r.instructions.map((i) => i.getArgumentsContent()), ['alpine:3.20', 'apk add   bash', 'echo next']);
      assert.deepEqual(r.comments.map((c) => c.content), ['the shell']);
      assert.deepEqual(r.instructions[1].getArguments().map((a) => a.getValue()), ['apk', 'add', 'bash']);
    });

    it('JSON (exec) form has no heredocs; `<<` inside it is text', () => {
      const r = read('FROM alpine:3.20\nRUN ["sh", "-c", "cat <<EOF"]\nEOF\n');
      assert.deepEqual(r.instructions.map((i) => i.getKeyword()), ['FROM', 'RUN', 'EOF']);
      assert.deepEqual(r.instructions[1].getHeredocs(), []);
    });

    it('ONBUILD RUN <<EOF: the heredoc belongs to the trigger, and its body is not read as instructions', () => {
      const r = read('FROM alpine:3.20\nONBUILD RUN <<EOF\necho hi\nEOF\n');
      assert.deepEqual(r.instructions.map((i) => i.getKeyword()), ['FROM', 'ONBUILD']);
      const t = r.instructions[1].getTriggerInstruction()!;
      assert.equal(t.getKeyword(), 'RUN');
      assert.deepEqual(t.getHeredocs().map((h) => h.getName()), ['EOF']);
    });

    it('directives: only at the top, only syntax/escape/check; `# hadolint ignore=` is a comment', () => {
      const r = read('# syntax=docker/dockerfile:1\n# hadolint ignore=DL3008\n# escape=`\nFROM alpine\n');
      assert.deepEqual(r.directives.map((d) => d.name), ['syntax']);
      assert.equal(r.escapeChar, '\\');
      assert.deepEqual(r.comments.map((c) => c.content), ['hadolint ignore=DL3008', 'escape=`']);
    });

    it('a line holding only the escape character continues onto the next line', () => {
      check('FROM alpine\n  \\\nRUN echo a\n', [['from'], ['run', 'echo a']]);
    });

    it('flags: leading --words of RUN/COPY/ADD/FROM/HEALTHCHECK, with their options and ranges', () => {
      const text = 'FROM alpine\nRUN --mount=type=cache,target=/root/.cache --network=none pip install x\n';
      const ins = read(text).instructions[1];
      const lines = new LineIndex(text);
      assert.deepEqual(ins.getFlags().map((f) => [f.getName(), f.getValue(), lines.textOf(f.getNameRange()), lines.textOf(f.getValueRange()!)]), [
        ['mount', 'type=cache,target=/root/.cache', 'mount', 'type=cache,target=/root/.cache'],
        ['network', 'none', 'network', 'none'],
      ]);
      assert.deepEqual(ins.getFlags()[0].getOptions().map((o) => [o.getName(), o.getValue(), lines.textOf(o.getValueRange()!)]), [
        ['type', 'cache', 'cache'],
        ['target', '/root/.cache', '/root/.cache'],
      ]);
      assert.deepEqual(ins.getArguments().map((a) => a.getValue()), ['pip', 'install', 'x']);
    });
  });

  describe('pathological inputs lint in bounded time (every rule on)', () => {
    before(engineReady);
    const config = () => {
      const rules: Record<string, 'warning' | 'error' | 'info' | 'hint'> = {};
      for (const m of allRules()) if (m.kind === 'dockerfile') rules[m.code] = m.severity === 'off' ? 'warning' : m.severity;
      return mergeConfig(defaultConfig(), { rules, dockerfile: { shellcheck: false } });
    };
    // Each input at full size and at a quarter of it, CPU time (steadier than wall time on a shared machine): the
    // full size must cost less than 8 x the quarter (linear is 4 x, quadratic 16 x) and stay under a generous bound.
    // bench/dockerfile.mjs measures the wall time of the full sizes.
    const cases: [string, (k: number) => string][] = [
      ['a RUN of a million quotes', (k) => 'FROM alpine:3.20\nRUN ' + '"'.repeat(1_000_000 * k) + '\n'],
      // under the 64 KiB a script may have to be parsed: 30,000 string nodes
      ['a RUN of 60,000 quotes', (k) => 'FROM alpine:3.20\nRUN ' + '"'.repeat(60_000 * k) + '\n'],
      ['10,000 stages', (k) => Array.from({ length: 10_000 * k }, (_, i) => `FROM alpine:3.20 AS s${i}\nRUN echo ${i}\n`).join('')],
      ['a line of 1 MB', (k) => 'FROM alpine:3.20\nRUN echo ' + 'a'.repeat(1_000_000 * k) + '\n'],
      ['100k continuation lines', (k) => 'FROM alpine:3.20\nRUN echo \\\n' + '  a \\\n'.repeat(100_000 * k) + '  end\n'],
      [
        'deep heredoc nesting',
        (k) =>
          'FROM alpine:3.20\n' +
          Array.from({ length: 2000 * k }, (_, i) => `RUN <<E${i} bash\ncat <<F${i}\nx\nF${i}\nE${i}\n`).join('') +
          'RUN ' +
          Array.from({ length: 500 * k }, (_, i) => `<<H${i}`).join(' ') +
          '\n' +
          Array.from({ length: 500 * k }, (_, i) => `x\nH${i}\n`).join(''),
      ],
    ];
    const cpu = (text: string, cfg: ReturnType<typeof config>): { ms: number; findings: ReturnType<typeof lint> } => {
      const c = process.cpuUsage();
      const findings = lint(text, 'dockerfile', cfg);
      const u = process.cpuUsage(c);
      return { ms: (u.user + u.system) / 1000, findings };
    };
    it('the shell walker is linear in the number of string nodes (1,000,000 quotes given to it directly)', function () {
      this.timeout(120_000);
      const run = (n: number): number => {
        const text = '"'.repeat(n);
        const c = process.cpuUsage();
        parseScript(ShellSource.slice(new LineIndex(text), 0, text.length));
        const u = process.cpuUsage(c);
        return (u.user + u.system) / 1000;
      };
      setShellCacheEnabled(false);
      try {
        run(250_000);
        const a = run(250_000);
        const b = run(1_000_000);
        assert.ok(b < 8 * a + 300, `${b.toFixed(0)} ms for 1,000,000 quotes, ${a.toFixed(0)} ms for 250,000`);
      } finally {
        setShellCacheEnabled(true);
      }
    });
    for (const [name, make] of cases) {
      it(`${name}: linear, and under 5 s of CPU`, function () {
        this.timeout(120_000);
        const cfg = config();
        const small = make(0.25);
        const full = make(1);
        cpu(small, cfg); // warm up the JIT
        const a = cpu(small, cfg);
        const b = cpu(full, cfg);
        const internal = b.findings.find((f) => /internal error/i.test(f.message));
        assert.ok(!internal, internal?.message);
        assert.ok(b.ms < 8 * a.ms + 300, `${name}: ${b.ms.toFixed(0)} ms at full size, ${a.ms.toFixed(0)} ms at a quarter`);
        assert.ok(b.ms < 5000, `${name}: ${b.ms.toFixed(0)} ms of CPU`);
      });
    }
  });
});

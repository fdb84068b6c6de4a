/**
 * The RUN command model: joined continuation lines mapped back to exact Dockerfile ranges, command splitting
 * across operators and nesting, word values, wrappers, heredocs and the shell of each stage.
 */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { parseDockerfile } from '../../src/core/dockerfile/parse';
import { dockerfileShell, shellOptions, type RunInfo } from '../../src/core/dockerfile/shell/analysis';
import { ShellSource } from '../../src/core/shell/source';
import type { Command } from '../../src/core/shell/script';
import { LineIndex } from '../../src/core/text';
import type { Range } from '../../src/core/finding';

function runs(text: string): RunInfo[] {
  return dockerfileShell(parseDockerfile(text)).runs;
}

function firstRun(text: string): RunInfo {
  const r = runs(text)[0];
  assert.ok(r, 'no RUN');
  return r;
}

/** The Dockerfile text a range covers. */
function at(text: string, r: Range): string {
  return new LineIndex(text).textOf(r);
}

function names(cmds: Command[]): (string | undefined)[] {
  return cmds.map((c) => c.program);
}

describe('shell: source joining and ranges', () => {
  before(engineReady);

  it('joins continuation lines, drops comment and blank lines inside them, and maps offsets back', () => {
    const text = 'FROM debian:12\nRUN apt-get update && \\\n    # a comment\n\n    apt-get install -y \\\n      curl\n';
    const src = ShellSource.joined(new LineIndex(text), text.indexOf('apt-get'), text.length - 1, '\\');
    assert.equal(src.text, 'apt-get update &&     apt-get install -y       curl');
    const curl = src.text.indexOf('curl');
    assert.deepEqual(src.range(curl, curl + 4), { start: { line: 5, character: 6 }, end: { line: 5, character: 10 } });
    // a range that ends at a seam does not swallow the removed continuation
    const y = src.text.indexOf('-y');
    assert.deepEqual(src.range(y, y + 2), { start: { line: 4, character: 20 }, end: { line: 4, character: 22 } });
    assert.equal(src.logical(text.indexOf('# a comment')), undefined);
  });

  it('accepts blanks after the escape character and CRLF line ends', () => {
    const text = 'FROM x\r\nRUN echo a \\  \r\n    echo b\r\n';
    const r = firstRun(text);
    assert.equal(r.line!.source.text, 'echo a     echo b');
    const b = r.commands[0].args[1];
    assert.equal(b.text, 'echo');
    assert.equal(at(text, b.range), 'echo');
    assert.equal(b.range.start.line, 2);
  });

  it('uses the escape directive: backtick continuations join, backslashes stay for the shell', () => {
    const text = '# escape=`\nFROM x\nRUN apt-get install -y `\n    curl C:\\\\x\n';
    const r = firstRun(text);
    const c = r.commands[0];
    assert.equal(c.program, 'apt-get');
    assert.equal(c.args[2].text, 'curl');
    assert.deepEqual(c.args[2].range.start, { line: 3, character: 4 });
  });

  it('counts columns in UTF-16 units, like the editor, with non-ASCII text before a word', () => {
    const text = 'FROM x\nRUN echo "héllo 🚀 wörld" && apt-get install -y curl\n';
    const c = firstRun(text).commands[1];
    assert.equal(at(text, c.args[2].range), 'curl');
    assert.equal(c.args[2].range.start.character, text.split('\n')[1].indexOf('curl'));
  });

  it('gives exact ranges for every word across lines, quoted or not', () => {
    const text = 'FROM x\nRUN pip install \\\n  "flask==3.1" \\\n  \'requests\' uvicorn[standard]\n';
    const c = firstRun(text).commands[0];
    assert.deepEqual(
      c.args.map((a) => [a.text, at(text, a.range)]),
      [
        ['install', 'install'],
        ['flask==3.1', '"flask==3.1"'],
        ['requests', "'requests'"],
        ['uvicorn[standard]', 'uvicorn[standard]'],
      ],
    );
  });
});

describe('shell: command splitting', () => {
  before(engineReady);

  it('splits on &&, ||, ;, pipes, subshells, groups, $( ) and backticks', () => {
    const r = firstRun('FROM x\nRUN a && b || c; d | e; (f; g) && { h; } && echo $(i | j) `k` && l &\n');
    assert.deepEqual(names(r.commands), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'echo', 'i', 'j', 'k', 'l']);
    const byName = (n: string) => r.commands.find((c) => c.program === n)!;
    assert.ok(byName('f').inSubshell && byName('g').inSubshell && !byName('h').inSubshell);
    assert.ok(byName('i').inSubstitution && byName('k').inSubstitution && !byName('echo').inSubstitution);
    assert.ok(byName('b').inCondition, 'left of || is a condition');
    assert.ok(byName('l').background && !byName('a').background);
    assert.equal(byName('d').pipeline, byName('e').pipeline);
    assert.deepEqual([byName('d').pipeIndex, byName('e').pipeIndex], [0, 1]);
    assert.equal(r.line!.pipelines.length, 2);
  });

  it('does not split on operators inside quotes', () => {
    const r = firstRun('FROM x\nRUN echo "a && b | c" \'; d\'\n');
    assert.deepEqual(names(r.commands), ['echo']);
    assert.deepEqual(r.commands[0].args.map((a) => a.text), ['a && b | c', '; d']);
  });

  it('sees commands in if/while/for/case/functions, and marks conditions', () => {
    const r = firstRun('FROM x\nRUN if [ -f /x ] && grep -q y /x; then apt-get install -y z; fi; for p in a b; do echo $p; done; f() { cd /; }\n');
    const grep = r.commands.find((c) => c.program === 'grep')!;
    const apt = r.commands.find((c) => c.program === 'apt-get')!;
    const cd = r.commands.find((c) => c.program === 'cd')!;
    assert.ok(grep.inCondition && !apt.inCondition);
    assert.ok(cd.inFunction);
    assert.ok(r.commands.some((c) => c.program === 'echo'));
  });

  it('keeps word values: quote removal, escapes, expansions marked as not literal', () => {
    const c = firstRun('FROM x\nRUN cmd a\\ b "x${Y}z" \'$lit\' $\'t\\tab\' pre"mid"post $(date) ~/h\n').commands[0];
    assert.deepEqual(
      c.args.map((a) => [a.text, a.literal]),
      [
        ['a b', true],
        ['x${Y}z', false],
        ['$lit', true],
        ['t\tab', true],
        ['premidpost', true],
        ['$(date)', false],
        ['~/h', true],
      ],
    );
  });

  it('peels wrappers: sudo, env, nohup, timeout, xargs, with their options and assignments', () => {
    const r = firstRun('FROM x\nRUN sudo -E -u root env -i A=1 B=2 nohup timeout -s KILL 30 apt-get install -y x && xargs -r -n1 pip install < req\n');
    const apt = r.commands[0];
    assert.equal(apt.program, 'apt-get');
    assert.deepEqual(apt.wrappers.map((w) => w.program), ['sudo', 'env', 'nohup', 'timeout']);
    assert.deepEqual(apt.assignments.map((a) => `${a.name}=${a.value?.text}`), ['A=1', 'B=2']);
    assert.deepEqual(apt.args.map((a) => a.text), ['install', '-y', 'x']);
    const pip = r.commands[1];
    assert.equal(pip.program, 'pip');
    assert.ok(pip.argsFromStdin);
    const sudoAlone = firstRun('FROM x\nRUN sudo -l\n').commands[0];
    assert.equal(sudoAlone.program, 'sudo');
  });

  it('uses the basename of a program given by path, and inline assignments', () => {
    const c = firstRun('FROM x\nRUN DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get install -y x\n').commands[0];
    assert.equal(c.program, 'apt-get');
    assert.deepEqual(c.assignments.map((a) => a.name), ['DEBIAN_FRONTEND']);
  });

  it('parses `sh -c` strings as scripts with ranges inside the quotes', () => {
    const text = 'FROM x\nRUN bash -eux -o pipefail -c \'apt-get install -y curl | tee /log\' && su -c "gem install rails" app\n';
    const r = firstRun(text);
    const apt = r.commands.find((c) => c.program === 'apt-get')!;
    assert.equal(at(text, apt.args[2].range), 'curl');
    assert.equal(apt.script.level, 1);
    assert.equal(apt.script.pipefailFrom, 0, 'bash -o pipefail applies to the nested script');
    const gem = r.commands.find((c) => c.program === 'gem')!;
    assert.equal(at(text, gem.range), 'gem install rails');
  });

  it('treats export/declare as commands with assignments, and bare assignments as nameless', () => {
    const r = firstRun('FROM x\nRUN export A=1 B && X=2 && set -o pipefail && a | b\n');
    assert.equal(r.commands[0].program, 'export');
    assert.deepEqual(r.commands[0].assignments.map((a) => a.name), ['A']);
    assert.equal(r.commands[1].program, undefined);
    assert.deepEqual(r.commands[1].assignments.map((a) => a.name), ['X']);
    assert.ok(r.line!.pipefailFrom !== undefined && r.line!.pipefailFrom <= r.line!.pipelines[0].start);
  });

  it('survives broken input: no throw, commands in syntax errors marked uncertain', () => {
    for (const bad of ['RUN echo "unterminated', 'RUN if then fi ((', 'RUN {{ .Packages }} && apt-get install -y x', 'RUN $(', 'RUN <<EOF']) {
      const r = runs(`FROM x\n${bad}\n`);
      assert.ok(Array.isArray(r));
    }
    const r = firstRun('FROM x\nRUN apt-get install -y curl ) fi done\n');
    assert.ok(r.line!.hasError);
  });

  it('reads exec form as one command, and its `sh -c` string as a script', () => {
    const text = 'FROM x\nRUN ["sh", "-c", "apt-get update && apt-get install -y curl"]\n';
    const r = firstRun(text);
    assert.equal(r.form, 'exec');
    assert.deepEqual(names(r.commands), ['sh', 'apt-get', 'apt-get']);
    const curl = r.commands[2].args[2];
    assert.equal(at(text, curl.range), 'curl');
    const plain = firstRun('FROM x\nRUN ["apt-get", "install", "-y", "x"]\n').commands[0];
    assert.equal(plain.program, 'apt-get');
    assert.equal(at('FROM x\nRUN ["apt-get", "install", "-y", "x"]\n', plain.args[2].range), '"x"');
  });
});

describe('shell: heredocs', () => {
  before(engineReady);

  it('a RUN that is only a heredoc runs its body as the script, with exact ranges', () => {
    const text = 'FROM x\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n';
    const r = firstRun(text);
    assert.equal(r.heredocs[0].kind, 'script');
    assert.equal(r.heredocs[0].interpreter, 'sh');
    const apt = r.commands.find((c) => c.program === 'apt-get')!;
    assert.deepEqual(apt.args[2].range, { start: { line: 3, character: 19 }, end: { line: 3, character: 23 } });
    assert.equal(apt.script.kind, 'heredoc');
  });

  it('a shebang or `RUN <<EOF bash` picks the shell; python heredocs are not shell', () => {
    const bash = firstRun('FROM x\nRUN <<EOF bash -e\napt-get install -y curl\nEOF\n');
    assert.equal(bash.heredocs[0].kind, 'stdin-script');
    assert.equal(bash.heredocs[0].interpreter, 'bash');
    assert.equal(bash.heredocs[0].errexit, true);
    assert.ok(bash.commands.some((c) => c.program === 'apt-get'));
    const prefix = firstRun('FROM x\nRUN bash -o pipefail <<EOF\na | b\nEOF\n');
    assert.equal(prefix.heredocs[0].kind, 'stdin-script');
    assert.equal(prefix.heredocs[0].script!.pipefailFrom, 0);
    const py = firstRun('FROM x\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nos.system("apt-get install x")\nEOF\n');
    assert.equal(py.heredocs[0].kind, 'other-language');
    assert.equal(py.heredocs[0].interpreter, 'python3');
    assert.ok(!py.commands.some((c) => c.program === 'apt-get'));
    const py2 = firstRun('FROM x\nRUN python3 <<EOF\nprint(1)\nEOF\n');
    assert.equal(py2.heredocs[0].kind, 'other-language');
    const sh = firstRun('FROM x\nRUN <<EOF\n#!/bin/bash\necho hi\nEOF\n');
    assert.equal(sh.heredocs[0].interpreter, 'bash');
  });

  it('data heredocs are not scripts; the command line around them is still parsed', () => {
    const r = firstRun('FROM x\nRUN cat <<EOF > /etc/x.conf && apt-get install -y curl\nkey = apt-get install evil\nEOF\n');
    assert.equal(r.heredocs[0].kind, 'data');
    assert.deepEqual(names(r.commands), ['cat', 'apt-get']);
    const two = firstRun('FROM x\nRUN <<A cat > /f && <<B sh\na\nA\necho b\nB\n');
    assert.deepEqual(two.heredocs.map((h) => h.kind), ['data', 'stdin-script']);
    assert.ok(two.commands.some((c) => c.program === 'echo'));
  });
});

describe('shell: the shell of each stage', () => {
  before(engineReady);

  it('SHELL, inheritance through FROM <stage>, the hadolint pragma, Windows images', () => {
    const text = [
      'FROM debian:12 AS a',
      'RUN x',
      'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]',
      'RUN y',
      'FROM a AS b',
      'RUN z',
      'FROM debian:12',
      '# hadolint shell=pwsh',
      'RUN Get-Item',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'RUN dir',
      'FROM alpine:3',
      'SHELL ["cmd", "/S", "/C"]',
      'RUN ["apt-get", "install", "-y", "x"]',
    ].join('\n');
    const r = runs(text);
    assert.deepEqual(
      r.map((x) => [x.shell.program, x.shell.pipefail, x.shell.errexit, x.analysable]),
      [
        ['sh', false, false, true],
        ['bash', true, true, true],
        ['bash', true, true, true],
        ['pwsh', false, false, false],
        ['cmd', false, false, false],
        ['cmd', false, false, true],
      ],
    );
    assert.deepEqual(r[3].commands, [], 'pwsh RUNs have no shell commands');
    assert.equal(r[5].commands[0].program, 'apt-get', 'exec form bypasses SHELL');
  });

  it('recognises a Windows base image named through ARG defaults', () => {
    const r = runs('ARG BASE=mcr.microsoft.com/windows/servercore\nARG TAG=ltsc2022\nFROM ${BASE}:${TAG}\nRUN powershell -Command Get-Item\n');
    assert.equal(r[0].shell.program, 'cmd');
    assert.equal(r[0].analysable, false);
  });

  it('reads shell options: clusters, -o, errexit', () => {
    assert.deepEqual(shellOptions(['-euxo', 'pipefail', '-c']), { pipefail: true, errexit: true });
    assert.deepEqual(shellOptions(['-o', 'errexit', '-c']), { pipefail: false, errexit: true });
    assert.deepEqual(shellOptions(['-c']), { pipefail: false, errexit: false });
    assert.deepEqual(shellOptions(['-ec']), { pipefail: false, errexit: true });
  });

  it('tracks ARG and ENV names per stage, inherited by FROM <stage>', () => {
    const r = runs('FROM x AS a\nARG V=1\nENV PIP_NO_CACHE_DIR=1\nRUN a\nFROM a\nENV B=2\nRUN b\nFROM x\nRUN c\n');
    assert.deepEqual([...r[0].env.keys()], ['V', 'PIP_NO_CACHE_DIR']);
    assert.deepEqual([...r[1].env.keys()], ['V', 'PIP_NO_CACHE_DIR', 'B']);
    assert.deepEqual([...r[2].env.keys()], []);
  });

  it('includes ONBUILD RUN and parses each RUN once (cached per model)', () => {
    const m = parseDockerfile('FROM x\nONBUILD RUN apt-get install -y curl\n');
    const a = dockerfileShell(m);
    assert.equal(a.runs.length, 1);
    assert.ok(a.runs[0].onbuild);
    assert.equal(a.runs[0].commands[0].program, 'apt-get');
    assert.equal(dockerfileShell(m), a);
  });
});

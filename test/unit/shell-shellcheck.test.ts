/**
 * ShellCheck on RUN scripts: the scripts built as hadolint builds them, the mapping of ShellCheck's JSON back to
 * exact Dockerfile ranges (pure, no binary needed), and the real binary when it is installed.
 */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { parseDockerfile } from '../../src/core/dockerfile/parse';
import { shellcheckJobs, shellcheckFindings, commentsToFindings, parseShellcheckOutput } from '../../src/core/dockerfile/shell/shellcheck';
import { findShellcheck, shellcheckDockerfile, runShellcheck, shellcheckSpawnCount } from '../../src/node/shellcheck';
import { defaultConfig, mergeConfig, applyFixes, LineIndex, lint, clearCaches } from '../../src/core/index';
import { dockerfileModelOf } from '../../src/core/dockerfile/language';

const at = (text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => new LineIndex(text).textOf(r);

describe('shellcheck: scripts and mapping (no binary needed)', () => {
  before(engineReady);

  it('reuses the model the last lint of the same text built, and parses anew for any other text', () => {
    const a = 'FROM x\nRUN echo a\n';
    const b = 'FROM x\nRUN echo b\n';
    lint(a, 'dockerfile');
    const m = dockerfileModelOf(a);
    assert.equal(dockerfileModelOf(a), m, 'the same model twice: the lint\'s');
    assert.equal(m.text, a);
    lint(b, 'dockerfile');
    const fresh = dockerfileModelOf(a);
    assert.notEqual(fresh, m, 'a newer lint of another text: a new parse');
    assert.notEqual(dockerfileModelOf(a), fresh, 'and not kept');
    assert.equal(fresh.text, a);
    lint(a, 'dockerfile');
    clearCaches();
    assert.notEqual(dockerfileModelOf(a), dockerfileModelOf(a), 'clearCaches forgets it');
  });

  it('builds one script per shell-form RUN: shebang, stage ARG/ENV exports, then the joined RUN text', () => {
    const m = parseDockerfile('FROM x\nARG VERSION=1\nENV HOME_DIR=/h\nRUN echo $VERSION \\\n  && ls\nRUN ["exec", "form"]\nSHELL ["pwsh", "-c"]\nRUN Get-Item\n');
    const jobs = shellcheckJobs(m);
    assert.equal(jobs.length, 1, 'exec form and pwsh are skipped');
    const lines = jobs[0].script.split('\n');
    assert.equal(lines[0], '#!/bin/sh');
    assert.ok(lines.includes('export VERSION=1') && lines.includes('export HOME_DIR=1') && lines.includes('export HTTP_PROXY=1'));
    assert.equal(lines[jobs[0].headerLines], 'echo $VERSION   && ls');
  });

  it('checks heredoc scripts with their own shell, not python heredocs or data', () => {
    const m = parseDockerfile('FROM x\nSHELL ["/bin/bash", "-c"]\nRUN <<EOF\n#!/bin/sh\necho $1\nEOF\nRUN <<EOF python3\nprint(1)\nEOF\nRUN cat <<EOF > /f && echo $y\n$x\nEOF\n');
    const jobs = shellcheckJobs(m);
    assert.deepEqual(jobs.map((j) => j.shell), ['sh', 'bash'], 'the sh heredoc, then the cat line in the bash stage');
    const body = jobs[0].script.split('\n').slice(jobs[0].headerLines);
    assert.deepEqual(body, ['', 'echo $1'], 'the body keeps its line numbers; its shebang is replaced by ours');
    assert.equal(jobs[1].script.split('\n')[jobs[1].headerLines], 'cat       > /f && echo $y', 'the data heredoc marker is blanked on the command line');
  });

  it('maps ShellCheck positions (1-based, after the header) to exact ranges across continuation lines', () => {
    const text = 'FROM x\nRUN cd /tmp && \\\n    echo $HOME_X\n';
    const m = parseDockerfile(text);
    const [job] = shellcheckJobs(m);
    // the script line with `echo $HOME_X`: header lines, then line 1 of the RUN text
    const line = job.headerLines + 1;
    const col = job.script.split('\n')[line - 1].indexOf('$HOME_X') + 1;
    const json = JSON.stringify({
      comments: [
        {
          file: '-', line, endLine: line, column: col, endColumn: col + 7, level: 'info', code: 2086,
          message: 'Double quote to prevent globbing and word splitting.',
          fix: { replacements: [
            { line, endLine: line, column: col, endColumn: col, insertionPoint: 'afterEnd', precedence: 7, replacement: '"' },
            { line, endLine: line, column: col + 7, endColumn: col + 7, insertionPoint: 'beforeStart', precedence: 7, replacement: '"' },
          ] },
        },
        { file: '-', line: 1, endLine: 1, column: 1, endColumn: 2, level: 'warning', code: 1090, message: 'excluded' },
      ],
    });
    const fs = commentsToFindings(job, parseShellcheckOutput(json)!);
    assert.equal(fs.length, 1, 'SC1090 is excluded');
    assert.equal(fs[0].code, 'SC2086');
    assert.equal(fs[0].severity, 'info');
    assert.deepEqual(fs[0].range, { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } });
    assert.equal(at(text, fs[0].range), '$HOME_X');
    const fixed = applyFixes(text, fs[0].fixes![0].edits).text;
    assert.equal(fixed, 'FROM x\nRUN cd /tmp && \\\n    echo "$HOME_X"\n');
  });

  it('applies user severities and inline suppressions to SC codes', () => {
    const text = 'FROM x\n# hadolint ignore=SC2086\nRUN echo $A\nRUN echo $B\n';
    const m = parseDockerfile(text);
    const jobs = shellcheckJobs(m);
    const out = (j: (typeof jobs)[number]) => {
      const line = j.headerLines + 1;
      return JSON.stringify({ comments: [{ file: '-', line, endLine: line, column: 6, endColumn: 8, level: 'info', code: 2086, message: 'quote' }] });
    };
    const outputs = jobs.map(out);
    const found = shellcheckFindings(m, jobs, outputs, defaultConfig());
    assert.deepEqual(found.map((f) => f.range.start.line), [3], 'the pragma hides the first RUN only');
    assert.deepEqual(shellcheckFindings(m, jobs, outputs, mergeConfig(defaultConfig(), { rules: { SC2086: 'off' } })), []);
    assert.equal(shellcheckFindings(m, jobs, outputs, mergeConfig(defaultConfig(), { rules: { SC2086: 'error' } }))[0].severity, 'error');
    assert.deepEqual(shellcheckFindings(m, jobs, [undefined, 'not json'], defaultConfig()), [], 'failed runs give nothing');
  });
});

describe('shellcheck: the real binary', function () {
  this.timeout(30_000);
  before(engineReady);
  const binary = findShellcheck();
  /** Without the binary these cases are visible skips, with the reason, never silent passes. */
  const needBinary = (t: Mocha.Context) => {
    if (binary) return;
    console.log('      SKIPPED: shellcheck is not on the PATH (scripts/setup.sh installs it)');
    t.skip();
  };

  it('is silent when the binary is missing or turned off', async () => {
    const text = 'FROM x\nRUN echo $1\n';
    assert.deepEqual(await shellcheckDockerfile(text, defaultConfig(), { binary: '/nonexistent/shellcheck' }), []);
    assert.deepEqual(await shellcheckDockerfile(text, mergeConfig(defaultConfig(), { dockerfile: { shellcheck: false } }), { binary: binary ?? 'x' }), []);
    assert.equal(findShellcheck('/nonexistent-dir'), undefined);
  });

  it('reports SC findings at exact ranges inside RUN, heredoc scripts included', async function () {
    needBinary(this);
    const text = [
      'FROM debian:12',
      'ARG VERSION=1',
      'RUN echo $VERSION && \\',
      '    cd /opt; ls $UNSET_DIR',
      'RUN <<EOF',
      'set -e',
      'for f in $(ls /etc); do echo "$f"; done',
      'EOF',
      'RUN <<EOF python3',
      'print("$x")',
      'EOF',
      '',
    ].join('\n');
    const fs = await shellcheckDockerfile(text, defaultConfig(), { binary });
    const desc = fs.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character} ${at(text, f.range)}`);
    assert.ok(desc.includes('SC2086@3:16 $UNSET_DIR'), desc.join('\n'));
    assert.ok(desc.some((d) => d.startsWith('SC2164@3:4 cd /opt')), desc.join('\n'));
    assert.ok(desc.some((d) => d.startsWith('SC2045@6:9') || d.startsWith('SC2012@6:11')), desc.join('\n'));
    assert.ok(!desc.some((d) => d.includes('SC2154')), 'ARG names are exported first, so no "referenced but not assigned"');
    assert.ok(!fs.some((f) => f.range.start.line >= 8), 'the python heredoc is not shell');
  });

  it('keeps the bash features BusyBox ash has (Alpine) out of the POSIX-sh warnings, and only there', async function () {
    needBinary(this);
    const run = 'RUN source /etc/profile && [[ -d /opt ]] && echo ${PATH//:/ } && echo $((1+1)) $UNSET';
    const alpine = await shellcheckDockerfile(`FROM alpine:3.20\n${run}\n`, defaultConfig(), { binary });
    const debian = await shellcheckDockerfile(`FROM debian:12\n${run}\n`, defaultConfig(), { binary });
    const codes = (fs: { code: string }[]) => [...new Set(fs.map((f) => f.code))].sort();
    for (const c of ['SC3046', 'SC3010', 'SC3060']) {
      assert.ok(codes(debian).includes(c), `${c} on Debian's dash: ${codes(debian)}`);
      assert.ok(!codes(alpine).includes(c), `${c} not on Alpine's ash: ${codes(alpine)}`);
    }
    // other findings keep their exact place after the extra header line
    const text = `FROM alpine:3.20\n${run}\n`;
    assert.ok(alpine.some((f) => f.code === 'SC2086' && at(text, f.range) === '$UNSET'), alpine.map((f) => `${f.code} ${at(text, f.range)}`).join('\n'));
  });

  it('caches per script and never hangs on a bad binary', async function () {
    needBinary(this);
    const m = parseDockerfile('FROM x\nRUN echo $1\n');
    const [job] = shellcheckJobs(m);
    const before = shellcheckSpawnCount();
    const a = await runShellcheck(binary!, job.script);
    const b = await runShellcheck(binary!, job.script);
    assert.ok(a && a === b && /"comments"/.test(a), 'the same output');
    assert.equal(shellcheckSpawnCount() - before, 1, 'the second call is served from the cache');
    const t0 = Date.now();
    assert.equal(await runShellcheck('/bin/sleep', job.script + '\n#x', [], { timeoutMs: 300 }), undefined);
    assert.ok(Date.now() - t0 < 5000);
  });
});

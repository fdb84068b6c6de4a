/**
 * The Dockerfile model: stages and their in-file parents (also through ARGs), parser directives and the escape
 * character, heredocs written with a blank after `<<`, the syntax problems DL1000 reports, the instruction helpers
 * (exec form, pairs, COPY sources), variable expansion with source spans, image references, ARG/ENV scopes, and hover.
 */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { parseDockerfile } from '../../src/core/dockerfile/parse';
import { stageChain, stageOf } from '../../src/core/dockerfile/model';
import { copySpec, execForm, pairs, splitWords } from '../../src/core/dockerfile/instructions';
import { analysis, baseOf, expandAt, lookupAt } from '../../src/core/dockerfile/analysis';
import { expand, sourceSpan, UNKNOWN, type Binding } from '../../src/core/dockerfile/variables';
import { invalidReference, normalizedName, parseImageRef } from '../../src/core/dockerfile/image';
import { joinPath } from '../../src/core/dockerfile/paths';
import { outputStages } from '../../src/core/dockerfile/stages';
import { hoverAt, lint, LineIndex, type Range } from '../../src/core/index';

const at = (text: string, r: Range): string => new LineIndex(text).textOf(r);

describe('dockerfile model', () => {
  before(engineReady);

  describe('stages', () => {
    it('splits stages, lower-cases names, and links FROM <stage> parents case-insensitively', () => {
      const m = parseDockerfile('ARG X=1\nFROM golang:1.22 AS Build\nRUN make\nFROM BUILD AS test\nFROM alpine:3.20\nCOPY --from=build /a /a\n');
      assert.equal(m.preamble.length, 1);
      assert.deepEqual(m.stages.map((s) => s.name), ['build', 'test', undefined]);
      assert.equal(m.stages[0].nameText, 'Build');
      assert.equal(m.stages[1].parent, m.stages[0]);
      assert.equal(m.stages[2].parent, undefined);
      assert.deepEqual(stageChain(m.stages[1]).map((s) => s.index), [1, 0]);
      assert.equal(stageOf(m, m.instructions[2]), m.stages[0]);
      assert.deepEqual([m.stages[0].startLine, m.stages[0].endLine], [1, 2]);
    });

    it('follows a FROM whose stage name comes from a global ARG default', () => {
      const m = parseDockerfile('ARG VARIANT="slim"\nFROM debian:12 AS base-slim\nWORKDIR /app\nFROM base-${VARIANT} AS final\n');
      assert.equal(m.stages[1].parent, m.stages[0]);
      assert.equal(baseOf(m, m.stages[1]).stage, m.stages[0]);
    });

    it('knows which stages produce an image (not used as a base or a COPY source)', () => {
      const m = parseDockerfile('FROM a:1 AS deps\nFROM deps AS build\nFROM a:1 AS lint\nFROM a:1\nCOPY --from=build /x /x\n');
      assert.deepEqual(outputStages(m).map((s) => s.index), [2, 3]);
    });
  });

  describe('directives and escape', () => {
    it('reads directives with ranges and the backtick escape', () => {
      const text = '# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n  b\n';
      const m = parseDockerfile(text);
      assert.deepEqual(m.directives.map((d) => [d.name, d.value]), [['syntax', 'docker/dockerfile:1'], ['escape', '`'], ['check', 'skip=JSONArgsRecommended']]);
      assert.equal(m.escapeChar, '`');
      assert.equal(at(text, m.directives[1].valueRange), '`');
      assert.equal(m.instructions[1].getRange().end.line, 5, 'the backtick continues the RUN');
    });
  });

  describe('heredocs', () => {
    it('accepts a blank between << and the name, as BuildKit does (dockerfile-ast does not)', () => {
      const text = "FROM alpine:3.20\nRUN cat << 'EOF' > /etc/motd\nsetopt PROMPT_SUBST\nEOF\nRUN echo next\n";
      const m = parseDockerfile(text);
      assert.deepEqual(m.instructions.map((i) => i.getKeyword()), ['FROM', 'RUN', 'RUN']);
      assert.equal(m.text, text, 'the model keeps the original text');
      assert.deepEqual(m.problems, []);
    });

    it('reports an unclosed heredoc at its name', () => {
      const text = 'FROM alpine:3.20\nRUN <<EOF\necho never closed\n';
      const m = parseDockerfile(text);
      assert.equal(m.problems.length, 1);
      assert.match(m.problems[0].message, /never closed/);
      assert.equal(at(text, m.problems[0].range), 'EOF');
    });
  });

  describe('syntax problems (DL1000)', () => {
    const problems = (text: string): string[] => parseDockerfile(text).problems.map((p) => `${at(text, p.range)}: ${p.message}`);

    it('names unknown instructions with a suggestion, and unknown flags', () => {
      const p = problems('FROM alpine:3.20\nRUNN echo\nCOPY --chmown=1 a /a\n');
      assert.equal(p.length, 2);
      assert.match(p[0], /^RUNN: Unknown instruction "RUNN" \(did you mean RUN\?\)/);
      assert.match(p[1], /^chmown: Unknown flag --chmown for COPY \(did you mean --chown\?\)/);
    });

    it('checks flag values, FROM arity and stage names, JSON arrays, SHELL form, ENV values', () => {
      const p = problems(
        'FROM a:1 AS Bad/Name\nRUN --network=bridge --mount=type=volume,target=/x true\nHEALTHCHECK --interval=5 --retries=x CMD true\nCMD ["a", 1]\nSHELL /bin/sh -c\nENV PATH\nFROM a b\n',
      );
      assert.deepEqual(
        p.map((x) => x.split(':')[0]),
        ['Bad/Name', 'bridge', 'volume', '5', 'x', '["a", 1]', '/bin/sh -c', 'PATH', 'a b'],
      );
    });

    it('reads a template with its tags masked: no syntax problem (src/core/template)', () => {
      assert.deepEqual(problems('FROM debian:{{ env.variant }}\n{{ if x then ( -}}\nRUN a\n{{ ) end -}}\n'), []);
    });

    it('accepts what Docker accepts: `--` ends flags, lower-case instructions, empty file', () => {
      assert.deepEqual(problems('from alpine:3.20\ncopy -- a /a\nrun echo\n'), []);
      assert.deepEqual(problems(''), []);
      assert.deepEqual(problems('# just a comment\n'), []);
    });
  });

  describe('instructions', () => {
    it('reads exec form with exact string ranges, and tells shell form and invalid arrays apart', () => {
      const text = 'FROM a:1\nCMD ["echo", "a b\\"c"]\nCMD [\'x\']\nENTRYPOINT ["a", 1]\n';
      const m = parseDockerfile(text);
      const ef = execForm(m, m.instructions[1]);
      assert.ok(ef && ef !== 'invalid');
      assert.deepEqual(ef.values, ['echo', 'a b"c']);
      assert.equal(text.slice(ef.tokens[1].start, ef.tokens[1].end), '"a b\\"c"');
      assert.equal(execForm(m, m.instructions[2]), undefined);
      assert.equal(execForm(m, m.instructions[3]), 'invalid');
    });

    it('reads ARG/ENV/LABEL pairs, quoted keys and the legacy form', () => {
      const m = parseDockerfile('FROM a:1\nARG A B=2\nENV C="x y" D=1\nENV E legacy value\nLABEL "k k"=v\n');
      const p = (i: number): string[] => pairs(m, m.instructions[i]).map((x) => `${x.name}=${x.raw ?? '(none)'}${x.legacy ? ' legacy' : ''}`);
      assert.deepEqual(p(1), ['A=(none)', 'B=2']);
      assert.deepEqual(p(2), ['C="x y"', 'D=1']);
      assert.deepEqual(p(3), ['E=legacy value legacy']);
      assert.deepEqual(p(4), ['k k=v']);
    });

    it('splits COPY into sources, heredoc names and destination', () => {
      const m = parseDockerfile('FROM a:1\nCOPY --chown=1 a b /dst/\nCOPY <<one x /dst\nbody\none\nCOPY ["a b", "/c"]\n');
      const s = (i: number): string => {
        const c = copySpec(m, m.instructions[i]);
        return `${c.sources.map((w) => w.text).join(',')}|${c.heredocs.map((w) => w.text).join(',')}|${c.dest?.text}|${c.json}`;
      };
      assert.equal(s(1), 'a,b||/dst/|false');
      assert.equal(s(2), 'x|<<one|/dst|false');
      assert.equal(s(3), 'a b||/c|true');
    });

    it('splits words across continuations and comment lines, honouring quotes', () => {
      const text = 'a "b c" \\\n  # note\n  d\'e f\'';
      assert.deepEqual(splitWords(text, 0, text.length, '\\').map((w) => text.slice(w.start, w.end)), ['a', '"b c"', "d'e f'"]);
    });
  });

  describe('variable expansion', () => {
    const b = (value: string | undefined): Binding => ({ value, kind: 'arg' });
    const env: Record<string, Binding> = { A: b('1'), E: b(''), U: b(undefined), P: b('a/b.tar.gz') };
    const x = (s: string) => expand(s, 0, (n) => env[n], { escapeChar: '\\' });

    it('expands plain and braced references, with modifiers and quotes', () => {
      const cases: [string, string][] = [
        ['$A-${A}', '1-1'],
        ['${MISSING:-def}', 'def'],
        ['${E:-def}|${E-def}', 'def|'],
        ['${A:+set}|${E:+set}|${MISSING+set}', 'set||'],
        ['${P#*/}|${P%%.*}|${P/b/c}', 'b.tar.gz|a/b|a/c.tar.gz'],
        ['"$A $A"\'$A\'', '1 1$A'],
        ['\\$A', '$A'],
        ['${MISSING:-"quoted default"}', 'quoted default'],
      ];
      for (const [src, want] of cases) assert.equal(x(src).value, want, src);
    });

    it('marks values that cannot be known, and keeps the source span of every character', () => {
      const r = x('img:${U}-x');
      assert.equal(r.value, `img:${UNKNOWN}-x`);
      assert.deepEqual(sourceSpan(r, 4, 5), { start: 4, end: 8 });
      assert.deepEqual(sourceSpan(r, 0, 3), { start: 0, end: 3 });
      assert.equal(r.refs[0].state, 'unknown');
    });

    it('reports unsupported modifiers and broken substitutions', () => {
      assert.match(x('${A:=b}').problems[0].message, /unsupported modifier \(:=\)/);
      assert.equal(x('${A:=b}').refs[0].unsupported, true);
      assert.match(x('${A=b}').problems[0].message, /unsupported modifier \(=\)/);
      assert.match(x('${}').problems[0].message, /bad substitution/);
      assert.match(x('${A').problems[0].message, /missing '}'/);
      assert.match(x('"open').problems[0].message, /unterminated double quote/);
    });

    it('drops comment and empty lines inside a continuation', () => {
      assert.equal(x('a \\\n# note\n\n b').value, 'a  b');
    });
  });

  describe('image references', () => {
    it('parses registry, repository, tag and digest', () => {
      const r = parseImageRef('localhost:5000/team/app:1.2@sha256:abc')!;
      assert.deepEqual([r.registry?.text, r.repository.text, r.tag?.text, r.digest?.text], ['localhost:5000', 'team/app', '1.2', 'sha256:abc']);
      assert.equal(normalizedName(parseImageRef('alpine')!), 'docker.io/library/alpine:latest');
      assert.equal(parseImageRef('org/app')!.registry, undefined);
    });

    it('says when an unknown piece could hide the tag', () => {
      assert.equal(parseImageRef(`alpine${UNKNOWN}`)!.tagUnknown, true);
      assert.equal(parseImageRef(`${UNKNOWN}/alpine`)!.tagUnknown, false);
      assert.equal(parseImageRef(`${UNKNOWN}/alpine`)!.registry?.unknown, true);
    });

    it('validates references like Docker', () => {
      assert.equal(invalidReference('alpine:3.20'), undefined);
      assert.match(invalidReference('alpine:')!, /tag is empty/);
      assert.match(invalidReference('REPLACE-ME')!, /lowercase/);
      assert.match(invalidReference('')!, /empty/);
    });

    it('joins container paths', () => {
      assert.equal(joinPath('/src', 'tools/../lib/'), '/src/lib/');
      assert.equal(joinPath('/', '..'), '/');
    });
  });

  describe('scopes', () => {
    const text = [
      'ARG BASE=alpine:3.20',
      'ARG TAG',
      'FROM ${BASE} AS one',
      'ARG BASE',
      'ARG LOCAL=x-${BASE}',
      'ENV A=1 B=$A',
      'ENV C=$LOCAL',
      'FROM one AS two',
      'ENV D=$C',
      'COPY $C /x',
      'FROM alpine:3.20',
      'COPY $C $PATH /y/',
      '',
    ].join('\n');
    const m = parseDockerfile(text);

    it('resolves global ARGs for FROM and re-declared ones in the stage', () => {
      assert.equal(baseOf(m, m.stages[0]).ref?.tag?.text, '3.20');
      assert.equal(analysis(m).global.get('TAG')?.value, undefined);
      assert.equal(lookupAt(m, m.instructions[6])('LOCAL')?.value, 'x-alpine:3.20');
    });

    it('expands all values of one ENV with the scope before it, and inherits ENV through stages', () => {
      // B sees the A from before the instruction: not set in this file, maybe by the base image
      assert.equal(lookupAt(m, m.instructions[6])('B')?.value, UNKNOWN);
      const scratch = parseDockerfile('FROM scratch\nENV A=1 B=$A\nENV C=$B\n');
      assert.equal(lookupAt(scratch, scratch.instructions[2])('B')?.value, '');
      assert.equal(lookupAt(m, m.instructions[9])('C')?.value, 'x-alpine:3.20');
      const copy = m.instructions[9];
      const w = copySpec(m, copy).sources[0];
      assert.equal(expandAt(m, copy, text.slice(w.start, w.end), w.start).value, 'x-alpine:3.20');
    });

    it('tells "not declared" (strict) from "maybe set by the external base image"', () => {
      const last = m.instructions[11];
      assert.equal(lookupAt(m, last, true)('C'), undefined);
      assert.equal(lookupAt(m, last)('C')?.value, undefined);
      assert.ok(lookupAt(m, last)('C'), 'an external base image may define it');
      const scratch = parseDockerfile('FROM scratch\nCOPY $PATH /x\n');
      assert.equal(lookupAt(scratch, scratch.instructions[1], true)('PATH')?.value, '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    });
  });

  describe('hover', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'ARG BASE=node:22-alpine',
      'FROM ${BASE} AS build',
      'RUN --mount=type=cache,target=/root/.npm npm ci',
      'FROM build',
      'COPY --from=build --chmod=0755 /a /a',
      'ENV X=$BASE',
      '',
    ].join('\n');
    const hover = (line: number, character: number) => hoverAt(text, 'dockerfile', { line, character });

    it('explains instructions, flags, --mount options and directives', () => {
      assert.match(hover(3, 1)!.markdown, /^\*\*RUN\*\*/);
      assert.equal(at(text, hover(3, 7)!.range), '--mount');
      assert.match(hover(3, 7)!.markdown, /type=cache/);
      assert.match(hover(3, 25)!.markdown, /\*\*--mount target\*\*/);
      assert.match(hover(3, 18)!.markdown, /RUN --mount=type=cache\*\* — A directory that persists/);
      assert.match(hover(5, 22)!.markdown, /COPY --chmod/);
      assert.match(hover(0, 4)!.markdown, /# syntax=/);
      const hc = 'FROM a:1\nHEALTHCHECK --retries=3 CMD true\n';
      assert.match(hoverAt(hc, 'dockerfile', { line: 1, character: 26 })!.markdown, /^\*\*HEALTHCHECK\*\*/);
    });

    it('resolves FROM images through ARGs and names stages', () => {
      const h = hover(2, 7)!;
      assert.equal(at(text, h.range), '${BASE}');
      assert.match(h.markdown, /Resolves to `node:22-alpine`/);
      assert.match(h.markdown, /\| Tag \| `22-alpine` \|/);
      assert.match(h.markdown, /hub\.docker\.com\/_\/node/);
      assert.match(hover(4, 6)!.markdown, /Stage `build`/);
      assert.match(hover(5, 14)!.markdown, /Stage `build`/);
      assert.match(hover(2, 18)!.markdown, /Used by: line 5 builds on it; line 6 copies from it/);
    });

    it('shows what a variable holds, and nothing on plain text', () => {
      assert.match(hover(6, 8)!.markdown, /is a global ARG \(line 2\), which only FROM lines see: add `ARG BASE`/);
      assert.equal(hover(5, 34), undefined);
    });
  });

  describe('line endings', () => {
    it('keeps exact ranges in CRLF files', () => {
      const text = 'FROM node:latest\r\nRUN <<EOF\r\necho hi\r\nEOF\r\nEXPOSE 80/TCP\r\n';
      const f = lint(text, 'dockerfile');
      const tag = f.find((x) => x.code === 'DL3007')!;
      assert.equal(at(text, tag.range), 'latest');
      assert.equal(at(text, f.find((x) => x.code === 'DKR009')!.range), 'TCP');
      assert.deepEqual(parseDockerfile(text).problems, []);
    });
  });

  describe('end to end', () => {
    it('lints a clean multi-stage Dockerfile without findings from the core rules', () => {
      const text = [
        '# syntax=docker/dockerfile:1',
        'ARG GO_VERSION=1.23.4',
        'FROM golang:${GO_VERSION}-alpine AS build',
        'WORKDIR /src',
        'COPY go.mod go.sum ./',
        'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
        'COPY . .',
        'RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app',
        'FROM gcr.io/distroless/static-debian12:nonroot',
        'COPY --from=build /out/app /app',
        'USER 65532:65532',
        'EXPOSE 8080',
        'HEALTHCHECK --interval=30s --timeout=3s CMD ["/app", "healthcheck"]',
        'ENTRYPOINT ["/app"]',
        '',
      ].join('\n');
      const codes = lint(text, 'dockerfile').map((f) => f.code);
      assert.deepEqual(codes.filter((c) => /^(DL1|DL30[0-2]|DL304|DL305|DL306|DL40|DKR0)/.test(c)), []);
    });
  });
});

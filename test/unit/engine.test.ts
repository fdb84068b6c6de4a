import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { lint, defaultConfig, mergeConfig, applyFixes, fixAll, ignoreEdit, KINDS, LineIndex, didYouMean, editDistance, type Finding } from '../../src/core/index';
import { applySuppressions, parseDirective } from '../../src/core/suppress';
import { parseHadolintPragma } from '../../src/core/dockerfile/pragmas';
import { language } from '../../src/core/registry';

describe('engine', () => {
  before(engineReady);

  it('never throws on hostile input, for every kind', () => {
    const inputs = [
      '',
      '\n\n\n',
      '\u0000\u0001binary\u0000',
      'x'.repeat(200_000),
      'FROM ' + 'a'.repeat(100_000) + '\nRUN ' + 'echo $(('.repeat(2000),
      '[mysqld\nkey_buffer=1.5G\n!include\n!includedir /nonexistent\n' + '\\'.repeat(5000),
      'Vagrant.configure("2") do |config|\n  config.vm.box = "x\n',
      '\uFEFF\r\n\r\r\n\t\u2028\u2029😀',
      'RUN <<EOF\nunterminated heredoc',
    ];
    for (const kind of KINDS) {
      for (const text of inputs) {
        const fs = lint(text, kind);
        assert.ok(Array.isArray(fs));
        const internal = fs.filter((f) => f.code === 'DG001');
        assert.deepEqual(internal.map((f) => f.message), [], `${kind} on ${JSON.stringify(text.slice(0, 40))}`);
      }
    }
  });

  it('skips binary and huge files with one DG002 finding', () => {
    for (const kind of KINDS) {
      const bin = lint('FROM x\u0000\u0000', kind);
      assert.deepEqual(bin.map((f) => f.code), ['DG002']);
      const huge = lint('# ' + 'x'.repeat(5 * 1024 * 1024), kind);
      assert.deepEqual(huge.map((f) => f.code), ['DG002']);
    }
  });

  it('turns a throwing rule into one DG001 finding and keeps the others', () => {
    const lang = language('dockerfile') as unknown as { rules: { meta: unknown; check: unknown }[] };
    const boom = { meta: { code: 'DKR999', name: 'test-boom', kind: 'dockerfile', severity: 'error', fix: 'none' }, check: () => { throw new Error('kaboom'); } };
    lang.rules.push(boom);
    try {
      const fs = lint('FROM node:latest\n', 'dockerfile');
      assert.ok(fs.some((f) => f.code === 'DG001' && /DKR999.*kaboom/.test(f.message)));
      assert.ok(fs.some((f) => f.code === 'DL3007'));
    } finally {
      lang.rules.pop();
    }
  });

  it('applies severity overrides by code, name and alias, and turns rules off', () => {
    const text = 'FROM node:latest\n';
    assert.equal(lint(text, 'dockerfile').find((f) => f.code === 'DL3007')?.severity, 'warning');
    for (const key of ['DL3007', 'image-tag-latest', 'dl3007']) {
      const c = mergeConfig(defaultConfig(), { rules: { [key]: 'error' } });
      assert.equal(lint(text, 'dockerfile', c).find((f) => f.code === 'DL3007')?.severity, 'error', key);
    }
    const off = mergeConfig(defaultConfig(), { rules: { DL3007: 'off' } });
    assert.equal(lint(text, 'dockerfile', off).filter((f) => f.code === 'DL3007').length, 0);
    const disabled = mergeConfig(defaultConfig(), { enable: { dockerfile: false } });
    assert.deepEqual(lint(text, 'dockerfile', disabled), []);
  });

  it('honours inline suppressions: ours, hadolint next-line, global and stage, BuildKit check=skip', () => {
    const has = (t: string) => lint(t, 'dockerfile').some((f) => f.code === 'DL3007');
    assert.ok(has('FROM node:latest\n'));
    assert.ok(!has('# devops-guidance ignore=DL3007\nFROM node:latest\n'));
    assert.ok(!has('# devops-guidance ignore=image-tag-latest # reason here\nFROM node:latest\n'));
    assert.ok(!has('# hadolint ignore=DL3006,DL3007 # pinned elsewhere\nFROM node:latest\n'));
    assert.ok(has('# hadolint ignore=DL3006\nFROM node:latest\n'));
    assert.ok(!has('FROM node:latest\n# hadolint global ignore=DL3007\n'));
    assert.ok(!has('FROM node:latest\n# devops-guidance ignore-file=DL3007\n'));
    assert.ok(has('# devops-guidance ignore=DL3007\nFROM node:20\nFROM node:latest\n'), 'applies to the next instruction only');
    assert.ok(!has('FROM node:20\n# hadolint stage ignore=DL3007\nFROM node:latest AS b\nRUN true\n'));
    const noPragmas = mergeConfig(defaultConfig(), { dockerfile: { disableIgnorePragma: true } });
    assert.ok(lint('# hadolint ignore=DL3007\nFROM node:latest\n', 'dockerfile', noPragmas).some((f) => f.code === 'DL3007'));
  });

  it('parses directive comments strictly', () => {
    assert.deepEqual(parseDirective('devops-guidance ignore=DL3007, MYC001 # why')?.codes, ['DL3007', 'MYC001']);
    assert.equal(parseDirective('hadolint ignore=DL3007'), undefined, "other tools' pragmas come from the kind's language");
    assert.equal(parseDirective('devops-guidance ignore='), undefined);
    assert.equal(parseDirective('devops-guidance ignored=DL3007'), undefined);
    assert.equal(parseHadolintPragma('hadolint global ignore=DL3003,SC1035')?.kind, 'file');
    assert.equal(parseHadolintPragma('hadolint stage ignore=DL3003')?.kind, 'section');
    const sup = (text: string) => language('mycnf').suppression(language('mycnf').parse(text, {}, defaultConfig()), defaultConfig());
    assert.equal(sup('# hadolint ignore=MYC001\n[mysqld]\n').parseDirective, undefined, 'hadolint pragmas only in Dockerfiles');
  });

  it('applies suppressions to whole multi-line units and not to other files', () => {
    const f = (line: number, file?: string): Finding => ({ code: 'X1', name: 'x', severity: 'warning', message: '', range: { start: { line, character: 0 }, end: { line, character: 1 } }, file });
    const kept = applySuppressions([f(2), f(4), f(2, '/other')], { comments: [{ line: 0, text: 'devops-guidance ignore=X1', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }], units: [{ startLine: 1, endLine: 3 }, { startLine: 4, endLine: 4 }] }, () => undefined);
    assert.deepEqual(kept.map((k) => [k.range.start.line, k.file]), [[4, undefined], [2, '/other']]);
  });

  it('applies fixes from the end and refuses overlapping edits', () => {
    const text = 'abc\ndef\n';
    const r = (l: number, a: number, b: number) => ({ start: { line: l, character: a }, end: { line: l, character: b } });
    const out = applyFixes(text, [{ range: r(0, 0, 1), newText: 'X' }, { range: r(1, 1, 2), newText: 'YY' }, { range: r(1, 0, 2), newText: 'Z' }]);
    assert.equal(out.text, 'Xbc\ndYYf\n');
    assert.equal(out.skipped.length, 1);
    assert.equal(fixAll([]).length, 0);
  });

  it('inserts ignore comments above the whole statement, after Dockerfile parser directives', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM node:20\n  RUN apt-get install \\\n    curl\n';
    assert.deepEqual(ignoreEdit(text, 'dockerfile', 'DL3008', 3, 'line'), { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '  # devops-guidance ignore=DL3008\n' });
    assert.equal(ignoreEdit(text, 'dockerfile', 'DL3008', 3, 'file')?.range.start.line, 1);
    const ruby = 'Vagrant.configure("2") do |config|\n  config.vm.box = "x"\nend\n';
    assert.deepEqual(ignoreEdit(ruby, 'vagrantfile', 'VGT001', 1, 'line')?.range.start.line, 1, 'the innermost statement, not the configure block');
    assert.equal(ignoreEdit(ruby, 'vagrantfile', 'VGT001', 1, 'line')?.newText, '  # devops-guidance ignore=VGT001\n');
  });

  it('maps offsets and lines for every line ending', () => {
    const idx = new LineIndex('a\r\nb\rc\nd');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((i) => idx.line(i)), ['a', 'b', 'c', 'd']);
    assert.deepEqual(idx.positionAt(5), { line: 2, character: 0 });
    assert.equal(idx.offsetAt({ line: 3, character: 0 }), 7);
  });

  it('suggests near names', () => {
    assert.equal(editDistance('hostnme', 'hostname'), 1);
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.deepEqual(didYouMean('innodb_buffer_pool_sise', ['innodb_buffer_pool_size', 'innodb_log_file_size']), ['innodb_buffer_pool_size']);
    assert.deepEqual(didYouMean('zzz', ['innodb_buffer_pool_size']), []);
  });
});

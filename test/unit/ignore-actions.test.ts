import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { applyFixes, defaultConfig, ignoreEdit, lint, mergeConfig } from '../../src/core/index';

/** The "ignore" quick fixes: hadolint's comment form where hadolint would honour it, modelines left first. */
describe('ignore actions', () => {
  before(engineReady);

  const dockerfile = '# syntax=docker/dockerfile:1\nFROM node:latest\nRUN cd /app && npm ci\n';

  it("write hadolint's form for DL and SC codes in the hadolint style, and it silences the finding", () => {
    const line = ignoreEdit(dockerfile, 'dockerfile', 'DL3007', 1, 'line', defaultConfig(), 'shared');
    assert.deepEqual(line, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# hadolint ignore=DL3007\n' });
    const fixed = applyFixes(dockerfile, [line!]).text;
    assert.equal(fixed, '# syntax=docker/dockerfile:1\n# hadolint ignore=DL3007\nFROM node:latest\nRUN cd /app && npm ci\n');
    assert.ok(!lint(fixed, 'dockerfile').some((f) => f.code === 'DL3007'), 'the hadolint comment does not silence DL3007');
    const file = ignoreEdit(dockerfile, 'dockerfile', 'DL3003', 2, 'file', defaultConfig(), 'shared');
    assert.deepEqual(file, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# hadolint global ignore=DL3003\n' });
    assert.ok(!lint(applyFixes(dockerfile, [file!]).text, 'dockerfile').some((f) => f.code === 'DL3003'), 'the global comment does not silence DL3003');
    assert.equal(ignoreEdit(dockerfile, 'dockerfile', 'SC2086', 2, 'line', defaultConfig(), 'shared')?.newText, '# hadolint ignore=SC2086\n');
  });

  it('write our form for codes hadolint does not know, when asked to, and when hadolint pragmas are off', () => {
    assert.equal(ignoreEdit(dockerfile, 'dockerfile', 'DKR012', 1, 'line', defaultConfig(), 'shared')?.newText, '# devops-guidance ignore=DKR012\n');
    assert.equal(ignoreEdit(dockerfile, 'dockerfile', 'DL3007', 1, 'line', defaultConfig(), 'devops-guidance')?.newText, '# devops-guidance ignore=DL3007\n');
    assert.equal(ignoreEdit(dockerfile, 'dockerfile', 'DL3007', 1, 'file', defaultConfig(), 'devops-guidance')?.newText, '# devops-guidance ignore-file=DL3007\n');
    const noPragmas = mergeConfig(defaultConfig(), { dockerfile: { disableIgnorePragma: true } });
    assert.equal(ignoreEdit(dockerfile, 'dockerfile', 'DL3007', 1, 'line', noPragmas, 'shared')?.newText, '# devops-guidance ignore=DL3007\n');
  });

  it('keep Vagrantfile modelines and magic comments on the first lines', () => {
    const ruby = '# -*- mode: ruby -*-\n# vi: set ft=ruby :\n# frozen_string_literal: true\n\nVagrant.configure("2") do |config|\n  config.vm.box = "hashicorp/bionic64"\nend\n';
    const file = ignoreEdit(ruby, 'vagrantfile', 'VGT001', 5, 'file', defaultConfig(), 'shared');
    assert.deepEqual(file, { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '# devops-guidance ignore-file=VGT001\n' });
    const plain = 'Vagrant.configure("2") do |config|\nend\n';
    assert.equal(ignoreEdit(plain, 'vagrantfile', 'VGT001', 0, 'file')?.range.start.line, 0);
  });
});

/**
 * What each kind contributes through its Language, seen from the generic engine: file names, size limits, the
 * configuration sections and files, inline suppression syntaxes, where a file-wide ignore goes, rule pages.
 */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import {
  KINDS,
  MAX_TEXT_LENGTH,
  configFilesFor,
  defaultConfig,
  ignoreEdit,
  kindOf,
  lint,
  mergeConfig,
  parseProjectConfig,
  ruleMarkdown,
  ConfigError,
} from '../../src/core/index';
import { language } from '../../src/core/registry';

describe('languages: what each kind tells the engine', () => {
  before(engineReady);

  it('recognises files by name and editor language', () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ['/x/Dockerfile', undefined, 'dockerfile'],
      ['Containerfile', undefined, 'dockerfile'],
      ['Dockerfile.prod', undefined, 'dockerfile'],
      ['app.dockerfile', undefined, 'dockerfile'],
      ['containerfile.dev', undefined, 'dockerfile'],
      ['C:\\proj\\my.cnf', undefined, 'mycnf'],
      ['.my.cnf', undefined, 'mycnf'],
      ['my.ini', undefined, 'mycnf'],
      ['replica.cnf', undefined, 'mycnf'],
      ['Vagrantfile', undefined, 'vagrantfile'],
      ['vagrantfile', undefined, 'vagrantfile'],
      ['box.Vagrantfile', undefined, 'vagrantfile'],
      ['Dockerfile.vagrantfile', undefined, 'vagrantfile'],
      ['Dockerfile.cnf', undefined, 'dockerfile'],
      ['notes.txt', undefined, undefined],
      ['notes.txt', 'dockerfile', 'dockerfile'],
      ['untitled', 'mycnf', 'mycnf'],
      ['Vagrantfile', 'ruby', 'vagrantfile'],
      ['helper.rb', 'ruby', undefined],
      ['my.cnf', 'ruby', undefined],
      ['my.cnf', 'plaintext', 'mycnf'],
    ];
    for (const [path, id, want] of cases) assert.equal(kindOf(path, id), want, `${path} (${id ?? 'no language id'})`);
  });

  it('has a size limit per kind, and says so in one finding when a text is above it', () => {
    assert.deepEqual(Object.keys(MAX_TEXT_LENGTH).sort(), [...KINDS].sort());
    for (const k of KINDS) {
      assert.equal(MAX_TEXT_LENGTH[k], language(k).maxTextLength);
      const fs = lint('#'.repeat(MAX_TEXT_LENGTH[k] + 1), k);
      assert.deepEqual(fs.map((f) => f.code), ['DG002'], k);
    }
  });

  it("composes the configuration from the kinds' sections: defaults, schema, merge", () => {
    const d = defaultConfig();
    assert.deepEqual(d.dockerfile, { trustedRegistries: [], labelSchema: {}, strictLabels: false, disableIgnorePragma: false, shellcheck: true });
    assert.equal(d.mysqlTarget, undefined);
    const user = parseProjectConfig('mysql:\n  target: mariadb-10.11\ndockerfile:\n  trustedRegistries: [a.io]\n');
    const m = mergeConfig(d, user, { dockerfile: { trustedRegistries: ['b.io', 'a.io'] } });
    assert.equal(m.mysqlTarget, 'mariadb-10.11');
    assert.deepEqual(m.dockerfile.trustedRegistries, ['a.io', 'b.io']);
    assert.deepEqual(d.dockerfile.trustedRegistries, [], 'merging never changes the base');
    assert.throws(() => parseProjectConfig('mysql:\n  target: mysql-9\n'), ConfigError);
    assert.throws(() => parseProjectConfig('vagrant:\n  x: 1\n'), /Unrecognized key/);
    assert.throws(() => parseProjectConfig('enable:\n  podman: true\n'), ConfigError);
  });

  it("reads other tools' configuration files only for their kind", () => {
    assert.deepEqual(configFilesFor('dockerfile').flatMap((f) => f.names), ['.hadolint.yaml', '.hadolint.yml']);
    assert.deepEqual(configFilesFor('mycnf'), []);
    assert.deepEqual(configFilesFor('vagrantfile'), []);
    const c = configFilesFor('dockerfile')[0].parse('ignored: [DL3007]\ntrustedRegistries: [r.io]\n');
    assert.deepEqual([c.rules, c.dockerfile?.trustedRegistries], [{ DL3007: 'off' }, ['r.io']]);
  });

  it("honours other tools' ignore comments only in their kind, and only when allowed", () => {
    const df = '# hadolint ignore=DL3007\nFROM node:latest\n';
    assert.ok(!lint(df, 'dockerfile').some((f) => f.code === 'DL3007'));
    const noPragmas = mergeConfig(defaultConfig(), { dockerfile: { disableIgnorePragma: true } });
    assert.ok(lint(df, 'dockerfile', noPragmas).some((f) => f.code === 'DL3007'));
    assert.ok(!lint('# devops-guidance ignore=DL3007\nFROM node:latest\n', 'dockerfile', noPragmas).some((f) => f.code === 'DL3007'), 'ours always count');
    // BuildKit's check=skip names build-check aliases
    assert.ok(!lint('# check=skip=JSONArgsRecommended\nFROM alpine:3.20\nCMD echo hi\n', 'dockerfile').some((f) => f.code === 'DL3025'));
    assert.ok(lint('# check=skip=Nothing\nFROM alpine:3.20\nCMD echo hi\n', 'dockerfile').some((f) => f.code === 'DL3025'));
  });

  it('puts a file-wide ignore after the lines a kind keeps first', () => {
    const df = '# syntax=docker/dockerfile:1\n# escape=\\\nFROM node:latest\n';
    assert.equal(ignoreEdit(df, 'dockerfile', 'DL3007', 2, 'file')?.range.start.line, 2);
    assert.equal(ignoreEdit('# syntax=x\n[mysqld]\n', 'mycnf', 'MYC001', 1, 'file')?.range.start.line, 0);
  });

  it("mentions a kind's other ignore syntax on its rule pages only", () => {
    assert.match(ruleMarkdown('DL3007')!, /# hadolint ignore=DL3007/);
    assert.match(ruleMarkdown('DL3007')!, /```dockerfile\n/);
    // a DL rule's page says how it compares with hadolint's rule of that code
    assert.match(ruleMarkdown('DL3007')!, /Same meaning as hadolint's DL3007\./);
    assert.match(ruleMarkdown('DL3042')!, /## Differs from hadolint\n\n- Any valid value of PIP_NO_CACHE_DIR/);
    assert.doesNotMatch(ruleMarkdown('DKR003')!, /hadolint's DKR003|Differs from hadolint/);
    assert.doesNotMatch(ruleMarkdown('MYC001')!, /hadolint/);
    assert.match(ruleMarkdown('VGT001')!, /```ruby\n/);
  });
});

import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import './../helpers/setup';
import { parseProjectConfig, parseHadolintConfig, mergeConfig, defaultConfig, ConfigError } from '../../src/core/index';
import { configFor, clearConfigCache } from '../../src/node/host';

describe('configuration', () => {
  it('reads the project file and rejects unknown keys with a line number', () => {
    const c = parseProjectConfig('rules:\n  DL3008: off\n  image-tag-latest: error\nmysql:\n  target: mariadb-10.11\n');
    assert.deepEqual(c.rules, { DL3008: 'off', 'image-tag-latest': 'error' });
    assert.equal(c.mysql?.target, 'mariadb-10.11');
    assert.throws(() => parseProjectConfig('rules:\n  DL3008: loud\n', 'x.yaml'), (e: ConfigError) => e instanceof ConfigError && e.line === 1 && /rules\.DL3008/.test(e.message));
    assert.throws(() => parseProjectConfig('rulez: {}\n', 'x.yaml'), (e: ConfigError) => /rulez|Unrecognized/i.test(e.message));
    assert.throws(() => parseProjectConfig('mysql:\n  target: oracle-23\n'), ConfigError);
    assert.throws(() => parseProjectConfig('rules: [\n'), (e: ConfigError) => /invalid YAML/.test(e.message));
    assert.deepEqual(parseProjectConfig(''), {});
  });

  it("maps .hadolint.yaml: ignored, override, trustedRegistries, label-schema, strict-labels, failure-threshold", () => {
    const c = parseHadolintConfig(
      'ignored: [DL3008]\noverride:\n  error: [DL3015]\n  style: [DL3059]\ntrustedRegistries:\n  - docker.io\n  - "*.corp.example"\nlabel-schema:\n  maintainer: email\n  version: semver\nstrict-labels: true\nfailure-threshold: style\nformat: json\n',
    );
    assert.deepEqual(c.rules, { DL3008: 'off', DL3015: 'error', DL3059: 'hint' });
    assert.deepEqual(c.dockerfile?.trustedRegistries, ['docker.io', '*.corp.example']);
    assert.deepEqual(c.dockerfile?.labelSchema, { maintainer: 'email', version: 'semver' });
    assert.equal(c.dockerfile?.strictLabels, true);
    assert.equal(c.failLevel, 'hint');
    assert.throws(() => parseHadolintConfig('label-schema:\n  a: nonsense\n'), ConfigError);
  });

  it('merges layers: scalars and maps last-wins, lists concatenated', () => {
    const m = mergeConfig(defaultConfig(), { rules: { A: 'off' }, dockerfile: { trustedRegistries: ['a'] } }, { rules: { A: 'error', B: 'info' }, dockerfile: { trustedRegistries: ['b', 'a'] }, mysql: { target: 'mysql-8.0' } });
    assert.deepEqual(m.rules, { A: 'error', B: 'info' });
    assert.deepEqual(m.dockerfile.trustedRegistries, ['a', 'b']);
    assert.equal(m.mysqlTarget, 'mysql-8.0');
    assert.equal(defaultConfig().mysqlTarget, undefined);
  });

  it('finds the nearest config files: .hadolint.yaml for Dockerfiles only, then ours, then settings and CLI', () => {
    const root = mkdtempSync(join(tmpdir(), 'dg-config-'));
    mkdirSync(join(root, 'a/b'), { recursive: true });
    writeFileSync(join(root, '.hadolint.yaml'), 'ignored: [DL3007]\n');
    writeFileSync(join(root, 'a/.devops-guidance.yaml'), 'rules:\n  DL3008: error\n');
    clearConfigCache();
    const d = configFor(join(root, 'a/b/Dockerfile'), 'dockerfile', { settings: { rules: { DL3009: 'info' } }, cli: { rules: { DL3008: 'warning' } } });
    assert.deepEqual(d.errors, []);
    assert.equal(d.sources.length, 2);
    assert.deepEqual(d.config.rules, { DL3007: 'off', DL3008: 'warning', DL3009: 'info' });
    const m = configFor(join(root, 'a/b/my.cnf'), 'mycnf');
    assert.deepEqual(m.config.rules, { DL3008: 'error' }, '.hadolint.yaml is not read for option files');
    writeFileSync(join(root, 'a/.devops-guidance.yaml'), 'rules: {DL3008: nope}\n');
    clearConfigCache();
    const bad = configFor(join(root, 'a/b/Dockerfile'), 'dockerfile');
    assert.equal(bad.errors.length, 1);
    assert.match(bad.errors[0].message, /\.devops-guidance\.yaml:1: rules\.DL3008/);
  });
});

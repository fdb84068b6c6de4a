/**
 * A hover right after a lint reuses that lint's parse (src/core/parsecache.ts): the editor's hover budget (20 ms on a
 * 1,000-line file, bench/editor.mjs) depends on it. A model is reused only for the same text, file and configuration.
 */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { clearCaches, defaultConfig, hoverAt, lint, lintAndCheck, mergeConfig, parseCacheStats, type Kind } from '../../src/core/index';
import { findShellcheck, nodeTools } from '../../src/node/shellcheck';

const FILES: { kind: Kind; text: string; at: { line: number; character: number } }[] = [
  { kind: 'dockerfile', text: 'FROM debian:12\nWORKDIR /app\nRUN apt-get update\n', at: { line: 1, character: 2 } },
  { kind: 'mycnf', text: '[mysqld]\nmax_connections = 500\nbinlog_format = ROW\n', at: { line: 1, character: 3 } },
  { kind: 'vagrantfile', text: 'Vagrant.configure("2") do |config|\n  config.vm.box = "bento/ubuntu-24.04"\nend\n', at: { line: 1, character: 13 } },
];

describe('parse reuse between lint and hover', function () {
  this.timeout(30_000);
  before(engineReady);

  for (const { kind, text, at } of FILES) {
    it(`${kind}: the hover after a lint of the same text parses nothing, and says what a fresh parse says`, () => {
      const config = defaultConfig();
      const env = { fileName: `/project/${kind}` };
      clearCaches();
      const fresh = hoverAt(text, kind, at, config, env);
      assert.ok(fresh, 'a reference hover');
      clearCaches();
      lint(text, kind, config, env);
      const before = parseCacheStats();
      const reused = hoverAt(text, kind, at, config, env);
      const after = parseCacheStats();
      assert.equal(after.hits - before.hits, 1, 'the lint\'s model was reused');
      assert.equal(after.misses, before.misses);
      assert.deepEqual(reused, fresh);
    });
  }

  it('ShellCheck after the lint reads its jobs from the lint\'s model (a Vagrantfile is not parsed twice)', async function () {
    const binary = findShellcheck();
    if (!binary) {
      console.log('      SKIPPED: shellcheck is not on the PATH (scripts/setup.sh installs it)');
      this.skip();
    }
    const text = 'Vagrant.configure("2") do |config|\n  config.vm.box = "bento/ubuntu-24.04"\n  config.vm.provision "shell", inline: "cd /opt; ls $DIR"\nend\n';
    const config = defaultConfig();
    clearCaches();
    const before = parseCacheStats();
    const findings = await lintAndCheck(text, 'vagrantfile', config, { fileName: '/project/Vagrantfile' }, nodeTools({ binary }));
    const after = parseCacheStats();
    assert.ok(findings.some((f) => /^SC\d{4}$/.test(f.code)), `ShellCheck ran on the provisioning script: ${findings.map((f) => f.code).join(', ')}`);
    assert.equal(after.hits - before.hits, 1, 'ShellCheck reused the lint\'s model');
    assert.equal(after.misses - before.misses, 0);
  });

  it('a different text, file or configuration is parsed again', () => {
    const { kind, text, at } = FILES[1];
    const config = defaultConfig();
    const env = { fileName: '/project/my.cnf' };
    clearCaches();
    lint(text, kind, config, env);
    const miss = (t: string, c: typeof config, e: typeof env, why: string) => {
      const before = parseCacheStats();
      hoverAt(t, kind, at, c, e);
      assert.equal(parseCacheStats().misses - before.misses, 1, why);
    };
    miss(`${text}# edited\n`, config, env, 'an edited text');
    lint(text, kind, config, env);
    miss(text, config, { fileName: '/project/other.cnf' }, 'another file');
    lint(text, kind, config, env);
    miss(text, mergeConfig(config, { mysql: { target: 'mariadb-11.4' } } as never), env, 'another target');
    // an equal configuration built anew (the editor reads settings again) is the same configuration
    lint(text, kind, config, env);
    const before = parseCacheStats();
    hoverAt(text, kind, at, mergeConfig(config, {} as never), env);
    assert.equal(parseCacheStats().hits - before.hits, 1, 'an equal configuration object');
  });
});

/**
 * How the command starts: the CLI bundle is compiled from the code cache the build made, the language server's
 * bundle and the knowledge base are not read by `lint` (the run works without them), and a missing or stale cache
 * only costs time.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST } from '../helpers/setup';

function run(dist: string, args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], { encoding: 'utf8', cwd, env: { ...process.env, DEVOPS_GUIDANCE_DEBUG_START: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-start-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM node:latest\n');
  writeFileSync(join(dir, 'my.cnf'), '[mysqld]\nkey_buffer = 16M\n');

  it('compiles the CLI from the code cache made by the build', () => {
    const r = run(DIST, ['lint', '--no-shellcheck', 'Dockerfile'], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /code cache accepted/);
  });

  it('lint reads neither the knowledge base nor the language server bundle, nor the parsers of other kinds', () => {
    // a dist/ without kb.json, lsp.js, prism.wasm (Vagrantfiles) and without the code cache
    const slim = mkdtempSync(join(tmpdir(), 'dg-slim-'));
    for (const f of readdirSync(DIST)) {
      if (['kb.json', 'lsp.js', 'prism.wasm', 'cli-main.js.cache'].includes(f) || f.endsWith('.map')) continue;
      copyFileSync(join(DIST, f), join(slim, f));
    }
    const r = run(slim, ['lint', '--no-shellcheck', '--format', 'json', 'Dockerfile', 'my.cnf'], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /code cache absent/);
    assert.deepEqual(JSON.parse(r.out).map((f: { code: string }) => f.code).sort(), ['DL3007', 'MYC020']);
    // explain needs the knowledge base: a clear error, not a crash
    const e = run(slim, ['explain', 'DL3007'], dir);
    assert.equal(e.code, 2);
  });
});

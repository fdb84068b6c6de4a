/**
 * The two ways to the Ruby parser (src/core/vagrant/prism.ts): the internal one (the package's parsePrism on our own
 * WASM instance) by default, @ruby/prism's public loadPrism() when the internal one fails its self-check, and a clear
 * error when neither can be had. Both give the same findings on every Vagrantfile of the corpus.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, DIST, engineReady } from '../helpers/setup';
import { lint, setAssetLoader } from '../../src/core/index';
import { loadPrism, prismBackend, prismFallbackReason, setPublicPrismLoader } from '../../src/core/vagrant/prism';
import { installNodeAssets } from '../../src/node/host';

const dir = join(CORPUS, 'vagrantfile');
const files = readdirSync(dir)
  .filter((f) => /vagrantfile/i.test(f))
  .sort();

describe('Ruby parser: internal way, public fallback', function () {
  this.timeout(120_000);
  before(engineReady);
  after(async () => {
    installNodeAssets(DIST);
    await loadPrism('auto');
    assert.equal(prismBackend(), 'internal');
  });

  it('uses the internal way by default', () => {
    assert.equal(prismBackend(), 'internal');
    assert.equal(prismFallbackReason, undefined);
  });

  it('gives the same findings through the public loadPrism() on every Vagrantfile of the corpus', async () => {
    assert.ok(files.length >= 10);
    const internal = files.map((f) => lint(readFileSync(join(dir, f), 'utf8'), 'vagrantfile'));
    await loadPrism('public');
    assert.equal(prismBackend(), 'public');
    const pub = files.map((f) => lint(readFileSync(join(dir, f), 'utf8'), 'vagrantfile'));
    for (let i = 0; i < files.length; i++) assert.deepEqual(pub[i], internal[i], files[i]);
    assert.ok(internal.some((fs) => fs.length > 0));
    await loadPrism('internal');
  });

  it('falls back to the public way when the internal one fails, and says why when neither works', async () => {
    // the internal way reads prism.wasm through the engine's asset loader: give it bytes that are not WASM
    installNodeAssets(DIST); // also offers the public way (which reads prism.wasm from dist/ itself)
    const real = (name: string) => new Uint8Array(readFileSync(join(DIST, name)));
    setAssetLoader((name) => (name === 'prism.wasm' ? new Uint8Array([0, 0x61, 0x73, 0x6d, 9, 9, 9, 9]) : real(name)));
    await loadPrism('auto');
    assert.equal(prismBackend(), 'public');
    assert.match(prismFallbackReason ?? '', /the internal way: /);
    const fs = lint('Vagrant.configure("2") do |config|\n  config.vm.box = "ubuntu/trusty64"\nend\n', 'vagrantfile');
    assert.ok(fs.length > 0 && !fs.some((f) => f.code === 'DG001'), JSON.stringify(fs));
    // without a public way (a host with no Node WASI, e.g. a web worker) the load fails with the reason
    setPublicPrismLoader(undefined);
    await assert.rejects(loadPrism('auto'), /not supported by the Vagrantfile analysis \(the internal way: /);
  });
});

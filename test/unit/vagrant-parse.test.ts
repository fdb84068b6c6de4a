/**
 * The Vagrantfile reader: Prism (WASM, stub WASI) → model of config calls. Positions are checked against the
 * JavaScript string (UTF-16), including non-ASCII text; broken and huge files must not crash.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineReady, ROOT, CORPUS } from '../helpers/setup';
import { lint, MAX_TEXT_LENGTH, hoverAt, completionsAt, type Finding, type Position } from '../../src/core/index';
import { parseVagrantfile } from '../../src/core/vagrant/parse';
import { ByteOffsets } from '../../src/core/vagrant/offsets';
import { prismLoadMs } from '../../src/core/vagrant/prism';
import type { SettingCall, VagrantModel } from '../../src/core/vagrant/model';

function call(m: VagrantModel, name: string, nth = 0): SettingCall {
  const found = m.calls.filter((c) => c.name === name);
  assert.ok(found[nth], `no call "${name}" #${nth} in ${m.calls.map((c) => c.name).join(', ')}`);
  return found[nth];
}

/** Position of the `n`th occurrence of `needle` in `text`, in UTF-16 units. */
function posOf(text: string, needle: string, n = 0): Position {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not in text`);
  const before = text.slice(0, i);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: i - lineStart };
}

const codes = (fs: Finding[]) => fs.map((f) => f.code);

describe('vagrant parser', () => {
  before(engineReady);

  it('loads prism.wasm without node:wasi, once', () => {
    assert.ok(prismLoadMs > 0, 'load time recorded');
    // Node's `wasi` module is only loaded by the public-API fallback (src/node/prism-public.ts), never on the way
    // every run takes: it would print an "experimental feature" warning on each CLI run and editor start
    for (const bundle of ['dist/extension.js', 'dist/cli-main.js', 'dist/lsp.js']) {
      const text = readFileSync(join(ROOT, bundle), 'utf8');
      const uses = [...text.matchAll(/["']node:wasi["']|require\(["']wasi["']\)/g)];
      assert.ok(uses.length <= 1, `${bundle}: WASI loaded in ${uses.length} places`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'dg-wasi-'));
    writeFileSync(join(dir, 'Vagrantfile'), 'Vagrant.configure("2") do |config|\n  config.vm.box = "x"\nend\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint', '--no-shellcheck', '--fail-level', 'none', 'Vagrantfile'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 file checked/);
    assert.doesNotMatch(r.stderr, /WASI|ExperimentalWarning/);
  });

  it('maps UTF-8 byte offsets to UTF-16 positions (accents, CJK, emoji, on the same line)', () => {
    const text = [
      '# Vagrantfile für Entwickler — 日本語 😀',
      'Vagrant.configure("2") do |config|',
      '  config.vm.hostname = "héllo" ; config.vm.post_up_message = "🚀 prêt" ; config.vm.network "forwarded_port", guest: 80, host: 8080',
      '  config.vm.box = "bento/ubuntu-24.04" # ça marche 👍',
      'end',
    ].join('\n');
    const m = parseVagrantfile(text);
    const net = call(m, 'network');
    assert.deepEqual(net.nameRange.start, posOf(text, 'network "forwarded'));
    const host = net.kwargs.find((k) => k.name === 'host')!;
    assert.deepEqual(host.range.start, posOf(text, 'host: 8080'));
    assert.deepEqual(host.range.end, { line: 2, character: posOf(text, 'host: 8080').character + 'host: 8080'.length });
    const msg = call(m, 'post_up_message');
    assert.equal(msg.value?.kind === 'string' && msg.value.value, '🚀 prêt');
    assert.deepEqual(msg.value!.range.end, { line: 2, character: posOf(text, '"🚀 prêt"').character + '"🚀 prêt"'.length });
    const f = lint(text, 'vagrantfile').find((x) => x.code === 'VGT002')!;
    assert.deepEqual(f.range.start, posOf(text, 'host: 8080'));
    // comments keep their text and exact place
    assert.equal(m.comments[1].text, 'ça marche 👍');
    assert.deepEqual(m.comments[1].range.start, posOf(text, '# ça'));
  });

  it('handles CRLF, a byte-order mark and lone surrogates', () => {
    const text = '\uFEFFVagrant.configure("2") do |config|\r\n  config.vm.hostname = "a\uD800b"; config.vm.box_check_update = false\r\nend\r\n';
    const m = parseVagrantfile(text);
    assert.deepEqual(m.syntaxErrors, []);
    const c = call(m, 'box_check_update');
    assert.deepEqual(c.nameRange.start, posOf(text, 'box_check_update'));
    assert.deepEqual(c.value!.range.start, posOf(text, 'false'));
  });

  it('converts byte offsets by binary search over non-ASCII checkpoints', () => {
    const t = 'aé😀b';
    const o = new ByteOffsets(t);
    // bytes: a(1) é(2) 😀(4) b(1)
    assert.equal(o.byteLength, 8);
    assert.deepEqual([0, 1, 3, 7, 8].map((b) => o.toUtf16(b)), [0, 1, 2, 4, 5]);
    assert.equal(new ByteOffsets('plain').toUtf16(3), 3);
  });

  it('follows config objects through block parameters (define, provider with override, provision)', () => {
    const text = `Vagrant.configure("2") do |config|
  config.vm.box = "a/b"
  config.vm.define "web", primary: true do |web|
    web.vm.hostname = "web"
    web.vm.provider :virtualbox do |vb, override|
      vb.memory = 2048
      override.vm.box = "c/d"
    end
    web.vm.provision "setup", type: "shell" do |s|
      s.inline = "echo hi"
    end
  end
end
`;
    const m = parseVagrantfile(text);
    assert.equal(m.configures[0].apiVersion, 2);
    assert.deepEqual(m.scopes.map((s) => s.kind), ['global', 'machine', 'override']);
    const web = m.defines[0];
    assert.equal(web.name.kind === 'string' && web.name.value, 'web');
    assert.equal(call(m, 'hostname').target.type === 'namespace' && (call(m, 'hostname').target as { scope: { kind: string } }).scope.kind, 'machine');
    const mem = call(m, 'memory');
    assert.ok(mem.assignment && mem.target.type === 'provider' && mem.target.provider.provider === 'virtualbox');
    assert.equal(mem.value?.kind === 'integer' && mem.value.value, 2048);
    const ov = call(m, 'box', 1);
    assert.ok(ov.target.type === 'namespace' && ov.target.scope.kind === 'override' && ov.target.scope.parent === web.scope);
    const p = m.provisions[0];
    assert.equal(p.type, 'shell');
    assert.equal(p.name?.kind === 'string' && p.name.value, 'setup');
    assert.equal(p.settings[0].name, 'inline');
  });

  it('resolves simple constants and single-assignment locals, and nothing computed', () => {
    const text = `BOX = "bento/ubuntu-24.04"
API = "2"
MEM = 2048
MAYBE = "x" if ENV["Y"]
TWICE = "a"
TWICE = "b"
Vagrant.configure(API) do |config|
  box = "local/box"
  config.vm.box = BOX
  config.vm.box = box
  config.vm.box = MAYBE
  config.vm.box = TWICE
  config.vm.box = ENV["BOX"] || "fallback/box"
  config.vm.box = "#{BOX}-extra"
  config.vm.box = "a" "b"
  config.vm.provider "virtualbox" do |vb|
    vb.memory = MEM
  end
end
`;
    const m = parseVagrantfile(text);
    assert.equal(m.configures[0].apiVersion, 2);
    const boxes = m.calls.filter((c) => c.name === 'box').map((c) => c.value!);
    assert.deepEqual(
      boxes.map((v) => (v.kind === 'string' ? v.value : v.kind)),
      ['bento/ubuntu-24.04', 'local/box', 'unknown', 'unknown', 'unknown', 'bento/ubuntu-24.04-extra', 'ab'],
    );
    assert.equal(boxes[0].kind === 'string' && boxes[0].via?.name, 'BOX');
    assert.deepEqual(boxes[0].kind === 'string' && boxes[0].via?.definition.start, posOf(text, '"bento'));
    // "#{BOX}-extra": the interpolation of a literal constant reads as its value
    assert.equal(call(m, 'memory').value!.kind, 'integer');
    assert.deepEqual([...m.constants.keys()].sort(), ['API', 'BOX', 'MEM']);
  });

  it('marks loops and conditionals, and knows v1 blocks', () => {
    const text = `Vagrant.configure("2") do |config|
  config.vm.box = "a/b"
  if ENV["X"]
    config.vm.hostname = "x"
  end
  (1..3).each do |i|
    config.vm.define "n#{i}" do |n|
      n.vm.hostname = "n#{i}"
    end
  end
  for j in 1..2
    config.vm.network "forwarded_port", guest: 80 + j, host: 8080 + j
  end
  config.vm.provision "shell", inline: "x" if true
end
Vagrant::Config.run do |config|
  config.vm.forward_port 80, 8080
end
`;
    const m = parseVagrantfile(text);
    const flow = (c: SettingCall) => `${c.flow.loop ? 'L' : '-'}${c.flow.conditional ? 'C' : '-'}${c.flow.level}`;
    assert.equal(flow(call(m, 'box')), '--0');
    assert.equal(flow(call(m, 'hostname', 0)), '-C1');
    assert.equal(flow(call(m, 'define')), 'LC1');
    assert.equal(flow(call(m, 'hostname', 1)), 'LC1');
    assert.equal(flow(call(m, 'network')), 'LC1');
    assert.equal(flow(call(m, 'provision')), '-C1');
    assert.deepEqual(m.configures.map((c) => c.apiVersion), [2, 1]);
  });

  it('follows config objects into methods of the file, and notes when they are handed to code it cannot see', () => {
    const text = `def setup(config)
  config.vm.box = "a/b"
end
Vagrant.configure("2") do |config|
  setup(config)
  config.vm.define "x" do |x|
    x.vm.provider "virtualbox" do |vb|
      tune(vb)
    end
  end
  [1].each do |config|
    config.vm.box = "ignored"
  end
end
`;
    const m = parseVagrantfile(text);
    const boxes = m.calls.filter((c) => c.name === 'box');
    assert.equal(boxes.length, 1, 'the box set inside setup() is attributed to the global config');
    assert.equal(boxes[0].target.type === 'namespace' && boxes[0].target.scope, m.scopes[0]);
    assert.ok(!m.scopes[0].escaped, 'a config handed to a method of this file does not escape');
    assert.equal(m.providers[0].escaped, true, 'tune() is not defined here: the provider object escapes');
    assert.ok(!m.scopes[1].escaped);
  });

  it('analyses helper methods and lambdas at each call, with their arguments bound', () => {
    const text = `def define_vm(config, name, box, port: 8080)
  config.vm.define name do |node|
    node.vm.box = box
    node.vm.network "forwarded_port", guest: 80, host: port
  end
end
net = ->(vm) { vm.network "private_network", ip: "10.0.0.2" }
def loop_forever(c)
  loop_forever(c)
  c.vm.hostname = "h"
end
Vagrant.configure("2") do |config|
  define_vm(config, "web", "ubuntu/jammy64", port: 8081)
  %w[a b].each { |n| define_vm(config, n, "debian/bookworm64") }
  net.call(config.vm)
  loop_forever(config)
end
`;
    const m = parseVagrantfile(text);
    assert.deepEqual(m.defines.map((d) => d.name.kind === 'string' ? d.name.value : d.name.kind), ['web', 'unknown']);
    assert.deepEqual(m.defines.map((d) => d.call.flow.loop), [false, true]);
    const boxes = m.calls.filter((c) => c.name === 'box').map((c) => (c.value?.kind === 'string' ? c.value.value : '?'));
    assert.deepEqual(boxes, ['ubuntu/jammy64', 'debian/bookworm64']);
    const ports = m.calls.filter((c) => c.name === 'network' && c.args[0]?.kind === 'string' && c.args[0].value === 'forwarded_port');
    assert.deepEqual(ports.map((c) => { const h = c.kwargs.find((k) => k.name === 'host')?.value; return h?.kind === 'integer' ? h.value : '?'; }), [8081, '?']);
    assert.equal(m.calls.filter((c) => c.name === 'network' && c.args[0]?.kind === 'string' && c.args[0].value === 'private_network').length, 1);
    assert.equal(m.calls.filter((c) => c.name === 'hostname').length, 1, 'a recursive helper is analysed once');
  });

  it('finds for-loop captures and host commands', () => {
    const text = `system("vagrant plugin install vagrant-foo") unless Vagrant.has_plugin?("vagrant-foo")
x = \`vagrant plugin install bar\`
Vagrant.configure("2") do |config|
  for i in 1..2
    config.vm.define "n#{i}" do |n|
      n.vm.hostname = "n#{i}"
    end
  end
end
`;
    const m = parseVagrantfile(text);
    assert.deepEqual(m.hostCommands.map((h) => [h.method, h.text]), [
      ['system', 'vagrant plugin install vagrant-foo'],
      ['`', 'vagrant plugin install bar'],
    ]);
    assert.equal(m.forLoopCaptures.length, 1);
    assert.deepEqual(m.forLoopCaptures[0].use.start, posOf(text, 'i}"\n', 0));
  });

  it('reports broken Ruby with Prism messages and ranges, and still lints the rest', () => {
    const missingEnd = 'Vagrant.configure("2") do |config|\n  config.vm.network "forwarded_port", guest: 80, host: 8080\n  config.vm.provider "virtualbox" do |vb|\n    vb.memory = 2048\nend\n';
    const f1 = lint(missingEnd, 'vagrantfile');
    assert.ok(f1.some((f) => f.code === 'VGT005' && /expected a block beginning with `do` to end with `end`/.test(f.message)), codes(f1).join());
    assert.ok(f1.some((f) => f.code === 'VGT002'), 'the forwarded port is still checked');
    const unterminated = 'Vagrant.configure("2") do |config|\n  config.vm.box = "bento/ubuntu-24.04\n  config.vm.hostname = "web"\nend\n';
    const f2 = lint(unterminated, 'vagrantfile').filter((f) => f.code === 'VGT005');
    assert.ok(f2.length >= 1);
    assert.ok(f2.every((f) => f.range.start.line >= 0 && f.range.end.line <= 4));
    const dangling = 'Vagrant.configure("2") do |config|\n  config.vm.network "forwarded_port", guest: 80, host:\n  config.vm.synced_folder ".", "/vagrant"\n  config.vm.\nend\n';
    const f3 = lint(dangling, 'vagrantfile');
    assert.ok(f3.some((f) => f.code === 'VGT005'));
    assert.deepEqual(f3.filter((f) => f.code === 'DG001'), []);
  });

  it('survives hostile input: deep nesting, long lines, binary-ish text', () => {
    for (const text of ['['.repeat(20000), '('.repeat(5000) + ')'.repeat(5000), 'a = ' + '"x" + '.repeat(20000) + '"y"', 'config.vm.box = "\u0001\u0002"', '=begin\n', '__END__\nconfig.vm.box = 1']) {
      const fs = lint(text, 'vagrantfile');
      assert.deepEqual(fs.filter((f) => f.code === 'DG001').map((f) => f.message), [], JSON.stringify(text.slice(0, 20)));
    }
  });

  it('lints a Vagrantfile just under the size limit (about 1,000 machines), and refuses a larger one', function () {
    this.timeout(120_000);
    const parts = ['Vagrant.configure("2") do |config|'];
    for (let i = 0; parts.join('\n').length < MAX_TEXT_LENGTH.vagrantfile - 20 * 1024; i++) {
      for (let k = 0; k < 50; k++) {
        const n = i * 50 + k;
        parts.push(`  config.vm.define "m${n}" do |m|\n    m.vm.box = "bento/ubuntu-24.04"\n    m.vm.network "private_network", ip: "192.168.56.${n % 250 + 2}"\n    m.vm.provider "virtualbox" do |vb|\n      vb.memory = 1024\n    end\n  end`);
      }
    }
    parts.push('end');
    const text = parts.join('\n');
    const t0 = performance.now();
    const fs = lint(text, 'vagrantfile');
    const ms = performance.now() - t0;
    assert.deepEqual(fs.filter((f) => f.code === 'DG001'), []);
    assert.ok(fs.some((f) => f.code === 'VGT001'));
    // Prism's deserializer dominates (about 2-4 s per MB on a busy 2-core machine); rules add little on top.
    assert.ok(ms < 60000, `took ${ms} ms`);
    const bigger = text + '\n' + '#'.repeat(40 * 1024);
    assert.deepEqual(lint(bigger, 'vagrantfile').map((f) => f.code), ['DG002']);
  });

  it('applies ignore comments to the next statement only, and ignore-file to the file', () => {
    const text = `Vagrant.configure("2") do |config|
  # devops-guidance ignore=VGT002
  config.vm.network "forwarded_port", guest: 80, host: 8080
  config.vm.network "forwarded_port", guest: 81, host: 8081
  # devops-guidance ignore=forwarded-port-all-interfaces # the team needs it
  config.vm.network "forwarded_port",
    guest: 82,
    host: 8082
end
`;
    const f = lint(text, 'vagrantfile').filter((x) => x.code === 'VGT002');
    assert.deepEqual(f.map((x) => x.range.start.line), [3]);
    const whole = `# devops-guidance ignore-file=VGT002\n${text}`;
    assert.deepEqual(lint(whole, 'vagrantfile').filter((x) => x.code === 'VGT002'), []);
  });

  it('stays silent on a file whose values are all computed', () => {
    const text = `require 'yaml'
settings = YAML.load_file(File.join(__dir__, "settings.yaml"))
VAGRANTFILE_API_VERSION = "2"
Vagrant.configure(VAGRANTFILE_API_VERSION) do |config|
  config.vm.box = settings["box"]
  config.vm.box_version = settings["box_version"] if settings["box_version"]
  config.ssh.insert_key = settings.fetch("insert_key", true)
  settings["machines"].each_with_index do |machine, i|
    config.vm.define machine["name"], primary: i.zero? do |node|
      node.vm.hostname = machine["hostname"]
      node.vm.network "private_network", ip: machine["ip"]
      node.vm.network machine["net_type"], **machine.fetch("net_opts", {})
      (machine["ports"] || []).each do |p|
        node.vm.network "forwarded_port", guest: p["guest"], host: p["host"], host_ip: p.fetch("host_ip", "127.0.0.1")
      end
      node.vm.provider settings["provider"] do |p|
        p.memory = machine["memory"]
        p.cpus = machine["cpus"]
      end
      node.vm.provider "virtualbox" do |vb|
        vb.memory = machine.fetch("memory", 2048)
        vb.gui = ENV["GUI"] == "1"
      end
      node.vm.synced_folder machine["src"], machine["dest"], mount_options: machine["mount_options"]
      machine["scripts"].each do |script|
        node.vm.provision "shell", path: script, args: [machine["name"]]
      end
    end
  end
end
`;
    const fs = lint(text, 'vagrantfile');
    assert.deepEqual(fs.map((f) => `${f.code} ${f.range.start.line + 1}: ${f.message}`), []);
  });

  it('parses every corpus file without a syntax error, with calls found in each', () => {
    const dir = join(CORPUS, 'vagrantfile');
    const files = readdirSync(dir).filter((f) => f.endsWith('.Vagrantfile'));
    assert.equal(files.length, 45);
    for (const f of files) {
      const m = parseVagrantfile(readFileSync(join(dir, f), 'utf8'));
      assert.deepEqual(m.syntaxErrors, [], f);
      assert.ok(m.calls.length > 0 || f === 'laravel-homestead.Vagrantfile', `${f}: no config calls found`);
    }
  });
});

describe('vagrant hover', () => {
  before(engineReady);
  const text = `Vagrant.require_version ">= 2.3"
Vagrant.configure("2") do |config|
  config.vm.box = "bento/ubuntu-24.04"
  config.vm.network "forwarded_port", guest: 80, host: 8080, host_ip: "127.0.0.1"
  config.ssh.insert_key = true
  config.vm.provider "virtualbox" do |vb|
    vb.memory = 2048
  end
  config.vm.provision "shell", inline: "echo hi", privileged: false, run: "always"
  config.vm.provision "site", type: "ansible_local" do |ansible|
    ansible.playbook = "site.yml"
  end
  config.vm.synced_folder ".", "/vagrant", disabled: true
  # config.vm.box in a comment
end
`;
  const hover = (needle: string, n = 0, delta = 1) => {
    const p = posOf(text, needle, n);
    return hoverAt(text, 'vagrantfile', { line: p.line, character: p.character + delta });
  };

  it('explains settings, options, types and namespaces from the reference', () => {
    const box = hover('box =');
    assert.ok(box && /config\.vm\.box/.test(box.markdown) && /box_version/.test(box.markdown), box?.markdown);
    assert.deepEqual(box!.range.start, posOf(text, 'box ='));
    assert.match(hover('host_ip')!.markdown, /127\.0\.0\.1/);
    assert.match(hover('"forwarded_port"')!.markdown, /forwarded_port/);
    assert.match(hover('insert_key')!.markdown, /insecure key/);
    assert.match(hover('ssh.')!.markdown, /config\.ssh/);
    assert.match(hover('memory')!.markdown, /megabytes/);
    assert.match(hover('"virtualbox"')!.markdown, /VirtualBox/);
    assert.match(hover('inline:')!.markdown, /script/);
    assert.match(hover('run:')!.markdown, /"always"/);
    assert.match(hover('"ansible_local"')!.markdown, /ansible_local/i);
    assert.match(hover('playbook =')!.markdown, /playbook/);
    assert.match(hover('disabled:')!.markdown, /share/);
    assert.match(hover('configure')!.markdown, /Vagrant\.configure/);
    assert.match(hover('require_version')!.markdown, /Vagrant\.require_version/);
  });

  it('stays quiet in comments, strings it does not know and plain Ruby', () => {
    assert.equal(hover('config.vm.box in a comment', 0, 12), undefined);
    assert.equal(hover('"echo hi"', 0, 2), undefined);
    assert.equal(hoverAt('x = 1\n', 'vagrantfile', { line: 0, character: 0 }), undefined);
  });
});

describe('vagrant completion', () => {
  before(engineReady);
  const complete = (text: string) => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('@@'));
    const character = lines[line].indexOf('@@');
    const clean = text.replace('@@', '');
    return completionsAt(clean, 'vagrantfile', { line, character });
  };

  it('offers namespace settings, provider and provisioner settings, and namespaces', () => {
    const vm = complete('Vagrant.configure("2") do |config|\n  config.vm.bo@@\nend\n');
    const labels = vm.map((c) => c.label);
    assert.ok(labels.includes('box') && labels.includes('box_version') && labels.includes('hostname'), labels.join());
    assert.ok(!labels.includes('presence') && !labels.includes('defined_vms'));
    const box = vm.find((c) => c.label === 'box')!;
    assert.match(box.documentation ?? '', /box/);
    assert.deepEqual(box.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 14 } });
    const ssh = complete('Vagrant.configure("2") do |config|\n  config.vm.define "a" do |node|\n    node.ssh.@@\n  end\nend\n');
    assert.ok(ssh.some((c) => c.label === 'insert_key'));
    const vb = complete('Vagrant.configure("2") do |config|\n  config.vm.provider "virtualbox" do |vb|\n    vb.mem@@\n  end\nend\n');
    assert.ok(vb.some((c) => c.label === 'memory') && vb.some((c) => c.label === 'linked_clone'));
    const sh = complete('Vagrant.configure("2") do |config|\n  config.vm.provision "shell" do |s|\n    s.@@\n  end\nend\n');
    assert.ok(sh.some((c) => c.label === 'inline') && sh.some((c) => c.label === 'path'));
    const ns = complete('Vagrant.configure("2") do |config|\n  config.@@\nend\n');
    assert.ok(ns.some((c) => c.label === 'vm') && ns.some((c) => c.label === 'ssh'));
    assert.deepEqual(complete('Vagrant.configure("2") do |config|\n  puts File.@@\nend\n'), []);
  });
});

/**
 * Oracle test: real Vagrant (Debian's vagrant 2.3.4) judges generated Vagrantfiles, and our findings must agree.
 *
 * Each case is a Vagrantfile written here (never a corpus file: `vagrant validate` executes the Ruby it loads). It
 * is validated in its own temporary folder with
 *   vagrant validate        (VAGRANT_HOME in the folder, no plugins, no checkpoint call, a time limit)
 * and stub provider executables on PATH (`VBoxManage --version`, `docker version`), so that VirtualBox or Docker
 * is the usable provider and its settings are validated too. Vagrant validates only the active provider's block:
 * a case about another provider's settings sets VAGRANT_DEFAULT_PROVIDER.
 *
 * Vagrant's verdict: every name in "The following settings shouldn't exist: a, b" is rejected; other "* ..."
 * lines are other errors; a Ruby exception while loading (v1 syntax on Ruby 3) is a load failure; exit 0 means
 * the file is accepted. Names a case marks `ignored` are accepted by Vagrant without a word.
 *
 * Agreement (issue 15 item 7): every name Vagrant rejects we flag as an error (at that name); a file Vagrant
 * stops on gets at least one error from us; nothing in an accepted file is called unknown or gets an error; the
 * names Vagrant ignores we call ignored (a warning that says so).
 *
 * Skipped, with a message, when vagrant is not installed (CI installs Debian's vagrant through .ci/run).
 */
import { strict as assert } from 'node:assert';
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineReady } from '../helpers/setup';
import { lint, defaultConfig, type Finding } from '../../src/core/index';

const VAGRANT = ['/usr/bin/vagrant', '/usr/local/bin/vagrant'].find((p) => existsSync(p));
const TIME_LIMIT_MS = 60_000;
const POOL = 3;

interface Case {
  name: string;
  text: string;
  provider?: 'virtualbox' | 'docker';
  /** Harness self-check: names Vagrant must reject; `accepted`: Vagrant must accept the file. */
  rejects?: string[];
  accepted?: boolean;
  /** Names Vagrant accepts without a word (no effect), which we must call ignored. */
  ignored?: string[];
  /** Vagrant must fail to load the file (a Ruby exception). */
  loadFailure?: boolean;
}

const v2 = (body: string) => `Vagrant.configure("2") do |config|\n  config.vm.box = "bento/debian-12"\n${body}end\n`;

/** One misspelled setting or option per case, across vm, ssh, winssh, providers, provisioners, synced folders. */
const MISSPELLED: Case[] = [
  { name: 'vm.boxx', text: v2('  config.vm.boxx = "x"\n'), rejects: ['boxx'] },
  { name: 'vm.hostnme', text: v2('  config.vm.hostnme = "web"\n'), rejects: ['hostnme'] },
  { name: 'vm.box_check_updates', text: v2('  config.vm.box_check_updates = false\n'), rejects: ['box_check_updates'] },
  { name: 'vm.boot_timout', text: v2('  config.vm.boot_timout = 600\n'), rejects: ['boot_timout'] },
  { name: 'ssh.usernmae', text: v2('  config.ssh.usernmae = "vagrant"\n'), rejects: ['usernmae'] },
  { name: 'ssh.forward_agnet', text: v2('  config.ssh.forward_agnet = true\n'), rejects: ['forward_agnet'] },
  { name: 'ssh.insert_keys', text: v2('  config.ssh.insert_keys = false\n'), rejects: ['insert_keys'] },
  { name: 'winssh.shel', text: v2('  config.winssh.shel = "cmd"\n'), rejects: ['shel'] },
  { name: 'nfs.map_uidd', text: v2('  config.nfs.map_uidd = 0\n'), rejects: ['map_uidd'] },
  { name: 'machine block vm.memroy', text: v2('  config.vm.define "web" do |web|\n    web.vm.hostnam = "web"\n  end\n'), rejects: ['hostnam'] },
  { name: 'virtualbox.memroy', text: v2('  config.vm.provider "virtualbox" do |vb|\n    vb.memroy = 2048\n  end\n'), rejects: ['memroy'] },
  { name: 'virtualbox.cpu', text: v2('  config.vm.provider :virtualbox do |vb|\n    vb.cpu = 2\n  end\n'), rejects: ['cpu'] },
  { name: 'virtualbox.linkedclone', text: v2('  config.vm.provider "virtualbox" do |v|\n    v.linkedclone = true\n  end\n'), rejects: ['linkedclone'] },
  { name: 'docker.imagee', provider: 'docker', text: v2('  config.vm.provider "docker" do |d|\n    d.image = "nginx"\n    d.imagee = "nginx"\n  end\n'), rejects: ['imagee'] },
  { name: 'docker.port', provider: 'docker', text: v2('  config.vm.provider "docker" do |d|\n    d.image = "nginx"\n    d.port = ["80:80"]\n  end\n'), rejects: ['port'] },
  { name: 'shell inlin:', text: v2('  config.vm.provision "shell", inlin: "echo hi"\n'), rejects: ['inlin'] },
  { name: 'shell block pth', text: v2('  config.vm.provision "shell" do |s|\n    s.inline = "true"\n    s.pth = "x.sh"\n  end\n'), rejects: ['pth'] },
  { name: 'shell privilged:', text: v2('  config.vm.provision "shell", inline: "true", privilged: false\n'), rejects: ['privilged'] },
  { name: 'file destinaton:', text: v2('  config.vm.provision "file", source: "Vagrantfile", destinaton: "/tmp/x"\n'), rejects: ['destinaton'] },
  { name: 'ansible_local playbok', text: v2('  config.vm.provision "ansible_local" do |a|\n    a.playbook = "site.yml"\n    a.playbok = "site.yml"\n  end\n'), rejects: ['playbok'] },
  { name: 'trigger.infoo', text: v2('  config.trigger.before :up do |t|\n    t.info = "hi"\n  end\n  config.trigger.infoo = 1\n'), rejects: ['infoo'] },
];

/** Valid files using uncommon settings: Vagrant accepts them, so we must not call anything unknown. */
const VALID: Case[] = [
  {
    name: 'uncommon vm and ssh settings',
    accepted: true,
    text: v2(
      '  config.vm.graceful_halt_timeout = 120\n  config.vm.usable_port_range = 2200..2250\n  config.vm.allow_hosts_modification = false\n' +
        '  config.vm.box_download_options = { "limit-rate" => "1M" }\n  config.vm.ignore_box_vagrantfile = true\n  config.vm.post_up_message = "ready"\n' +
        '  config.vm.base_mac = "080027D14C66"\n  config.ssh.keep_alive = true\n  config.ssh.compression = false\n  config.ssh.dsa_authentication = false\n' +
        '  config.ssh.extra_args = ["-o", "ServerAliveInterval=30"]\n  config.ssh.export_command_template = "export %ENV_KEY%=\\"%ENV_VALUE%\\""\n' +
        '  config.vagrant.sensitive = ["s3cr3t-value"]\n  config.winrm.retry_delay = 5\n  config.package.name = "out.box"\n',
    ),
  },
  {
    name: 'uncommon virtualbox and provisioner settings',
    accepted: true,
    text: v2(
      '  config.vm.provider "virtualbox" do |vb|\n    vb.default_nic_type = "virtio"\n    vb.linked_clone = true\n    vb.check_guest_additions = false\n' +
        '    vb.functional_vboxsf = false\n    vb.auto_nat_dns_proxy = false\n    vb.customize ["modifyvm", :id, "--vram", "16"]\n  end\n' +
        '  config.vm.provision "shell", inline: "true", keep_color: true, sensitive: true, reset: false, env: { "A" => "1" }, upload_path: "/tmp/p.sh", run: "always"\n' +
        '  config.vm.provision "file", source: "Vagrantfile", destination: "/tmp/Vagrantfile"\n' +
        '  config.vm.synced_folder ".", "/vagrant", disabled: true\n',
    ),
  },
  {
    name: 'machines, triggers and docker provider settings',
    accepted: true,
    provider: 'docker',
    text:
      'Vagrant.configure("2") do |config|\n  config.vm.define "app", primary: true, autostart: true do |app|\n    app.vm.provider "docker" do |d|\n' +
      '      d.image = "nginx:1.27"\n      d.remains_running = true\n      d.create_args = ["--cpus=1"]\n      d.stop_timeout = 5\n    end\n  end\n' +
      '  config.trigger.after :up do |t|\n    t.info = "up"\n    t.run = { inline: "true" }\n  end\nend\n',
  },
];

/** Names Vagrant accepts without a word: namespaces it does not validate, options of a network type it ignores. */
const IGNORED: Case[] = [
  { name: 'winrm.* is not validated', accepted: true, text: v2('  config.winrm.tranport = :ssl\n'), ignored: ['tranport'] },
  { name: 'windows.* is not validated', accepted: true, text: v2('  config.windows.halt_timeout = 30\n'), ignored: ['halt_timeout'] },
  {
    name: 'private_network option typo',
    accepted: true,
    text: v2('  config.vm.network "private_network", ip: "192.168.56.10", netmsk: "255.255.255.0"\n'),
    ignored: ['netmsk'],
  },
  {
    name: 'synced_folder option typo',
    accepted: true,
    text: v2('  config.vm.synced_folder ".", "/vagrant", disabled: true, mount_option: ["ro"]\n'),
    ignored: ['mount_option'],
  },
];

/** Files Vagrant refuses for other reasons than a setting name. */
const OTHER: Case[] = [
  { name: 'forwarded port without host', text: v2('  config.vm.network "forwarded_port", guest: 80, hots: 8080, host_ip: "127.0.0.1"\n') },
  { name: 'forwarded port without guest', text: v2('  config.vm.network "forwarded_port", host: 8080, host_ip: "127.0.0.1"\n') },
  { name: 'v1 port forwarding on Ruby 3', loadFailure: true, text: 'Vagrant::Config.run do |config|\n  config.vm.box = "lucid32"\n  config.vm.forward_port 80, 8080\nend\n' },
  { name: 'v1 host-only network on Ruby 3', loadFailure: true, text: 'Vagrant::Config.run do |config|\n  config.vm.box = "lucid32"\n  config.vm.network :hostonly, "192.168.33.10"\nend\n' },
];

const CASES = [...MISSPELLED, ...VALID, ...IGNORED, ...OTHER];

interface Verdict {
  exit: number | null;
  output: string;
  rejected: string[];
  otherErrors: string[];
  loadFailure: boolean;
  ms: number;
}

function verdictOf(exit: number | null, output: string, ms: number): Verdict {
  const rejected: string[] = [];
  const otherErrors: string[] = [];
  for (const line of output.split('\n')) {
    const m = /^\* The following settings shouldn't exist: (.*)$/.exec(line.trim());
    if (m) rejected.push(...m[1].split(',').map((s) => s.trim()).filter(Boolean));
    else if (/^\* /.test(line.trim())) otherErrors.push(line.trim().slice(2));
  }
  const loadFailure = /\((?:ArgumentError|NoMethodError|NameError|TypeError)\)|There was an error loading a Vagrantfile/.test(output);
  return { exit, output, rejected, otherErrors, loadFailure, ms };
}

function validate(root: string, stubs: string, c: Case, i: number): Promise<Verdict> {
  const dir = join(root, `case-${i}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Vagrantfile'), c.text);
  const env = {
    PATH: `${stubs}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: dir,
    VAGRANT_HOME: join(dir, '.vagrant.d'),
    VAGRANT_CHECKPOINT_DISABLE: '1',
    VAGRANT_NO_PLUGINS: '1',
    VAGRANT_DEFAULT_PROVIDER: c.provider ?? 'virtualbox',
    LANG: 'C.UTF-8',
  };
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(VAGRANT!, ['validate'], { cwd: dir, env, timeout: TIME_LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve(verdictOf(code, `${stdout}\n${stderr}`, performance.now() - t0));
    });
  });
}

async function pool<T, R>(items: T[], size: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}

function textAt(text: string, f: Finding): string {
  const lines = text.split('\n');
  const r = f.range;
  return r.start.line === r.end.line ? (lines[r.start.line] ?? '').slice(r.start.character, r.end.character) : '';
}

describe('oracle: vagrant 2.3.4 judges generated Vagrantfiles', function () {
  this.timeout(300_000);
  let root = '';
  let verdicts: Verdict[] = [];

  before(async function () {
    if (!VAGRANT) {
      console.log('      SKIPPED: vagrant is not installed (apt-get install vagrant); CI installs it through .ci/run');
      this.skip();
    }
    const version = spawnSync(VAGRANT!, ['--version'], { encoding: 'utf8', env: { ...process.env, VAGRANT_CHECKPOINT_DISABLE: '1' } }).stdout?.trim();
    if (!/^Vagrant 2\.3\./.test(version ?? '')) {
      console.log(`      SKIPPED: ${VAGRANT} is ${version ?? '(unknown version)'}; this oracle judges Vagrant 2.3.x (Debian 12's vagrant)`);
      this.skip();
    }
    await engineReady();
    root = mkdtempSync(join(tmpdir(), 'dg-vagrant-oracle-'));
    const stubs = join(root, 'bin');
    mkdirSync(stubs);
    // Provider executables that answer the version probes Vagrant's usability checks make, and nothing else.
    writeFileSync(join(stubs, 'VBoxManage'), '#!/bin/sh\ncase "$1" in --version) echo "7.0.14r161095";; esac\nexit 0\n');
    writeFileSync(join(stubs, 'docker'), '#!/bin/sh\ncase "$1" in version|--version|-v) echo "Docker version 24.0.7, build afdd53b";; esac\nexit 0\n');
    chmodSync(join(stubs, 'VBoxManage'), 0o755);
    chmodSync(join(stubs, 'docker'), 0o755);
    const t0 = performance.now();
    verdicts = await pool(CASES, POOL, (c, i) => validate(root, stubs, c, i));
    const total = performance.now() - t0;
    const timedOut = verdicts.filter((v) => v.exit === null).length;
    console.log(`      vagrant validate: ${CASES.length} files in ${(total / 1000).toFixed(1)} s (pool of ${POOL}), ${timedOut} timed out`);
  });

  after(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('the harness reads Vagrant right (cases with known verdicts)', () => {
    const problems: string[] = [];
    CASES.forEach((c, i) => {
      const v = verdicts[i];
      const head = `${c.name}: exit ${v.exit}, rejected [${v.rejected.join(', ')}], other [${v.otherErrors.join(' | ')}]${v.loadFailure ? ', load failure' : ''}`;
      if (v.exit === null) problems.push(`${head}: timed out`);
      for (const n of c.rejects ?? []) if (!v.rejected.includes(n)) problems.push(`${head}: should reject ${n}\n${v.output.slice(0, 600)}`);
      if (c.accepted && v.exit !== 0) problems.push(`${head}: should accept the file\n${v.output.slice(0, 600)}`);
      if (c.loadFailure && !v.loadFailure) problems.push(`${head}: should fail to load`);
      if (!c.accepted && v.exit === 0) problems.push(`${head}: should refuse the file`);
    });
    assert.deepEqual(problems, []);
  });

  it('our findings agree with Vagrant: rejected names are errors, accepted files have none, ignored names are called ignored', () => {
    let rejected = 0, caught = 0, refusedFiles = 0, refusedFlagged = 0, acceptedFiles = 0, acceptedClean = 0, ignored = 0, calledIgnored = 0;
    const missed: string[] = [];
    const wrong: string[] = [];
    CASES.forEach((c, i) => {
      const v = verdicts[i];
      const findings = lint(c.text, 'vagrantfile', defaultConfig());
      const errors = findings.filter((f) => f.severity === 'error');
      for (const name of v.rejected) {
        rejected++;
        if (errors.some((f) => textAt(c.text, f) === name)) caught++;
        else missed.push(`${c.name}: Vagrant rejects "${name}", we report ${findings.map((f) => `${f.code}/${f.severity} "${textAt(c.text, f)}"`).join(', ') || 'nothing'}`);
      }
      if (v.exit !== 0) {
        refusedFiles++;
        if (errors.length) refusedFlagged++;
        else missed.push(`${c.name}: Vagrant refuses the file (${v.loadFailure ? 'load failure' : v.otherErrors.join(' | ')}), we report no error: ${findings.map((f) => `${f.code}/${f.severity}`).join(', ') || 'nothing'}`);
      } else {
        acceptedFiles++;
        const unknown = findings.filter((f) => f.severity === 'error' || (f.code === 'VGT006' && !/ignore/i.test(f.message)));
        if (!unknown.length) acceptedClean++;
        else wrong.push(`${c.name}: Vagrant accepts the file, we report ${unknown.map((f) => `${f.code}/${f.severity} "${textAt(c.text, f)}": ${f.message}`).join('; ')}`);
        for (const name of c.ignored ?? []) {
          ignored++;
          const f = findings.find((x) => textAt(c.text, x) === name && x.severity !== 'error' && /ignore/i.test(x.message));
          if (f) calledIgnored++;
          else missed.push(`${c.name}: Vagrant ignores "${name}", we do not say so`);
        }
      }
    });
    console.log(
      `      agreement: names Vagrant rejects flagged as errors ${caught}/${rejected}; files it refuses with an error from us ${refusedFlagged}/${refusedFiles}; ` +
        `files it accepts without an error or an "unknown" from us ${acceptedClean}/${acceptedFiles}; names it ignores called ignored ${calledIgnored}/${ignored}`,
    );
    for (const m of missed) console.log(`        MISSED ${m}`);
    for (const w of wrong) console.log(`        WRONG  ${w}`);
    assert.deepEqual([...missed, ...wrong], []);
  });
});

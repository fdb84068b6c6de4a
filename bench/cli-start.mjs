// npm run bench:cli-start — wall time of the `devops-guidance` command on one small file of each kind, against
// `node -e 0` (the floor: starting Node itself) and against the CLI as it was built before this work (a reference
// commit built into a temporary folder), all measured interleaved in the same run, median of BENCH_RUNS runs.
//   BENCH_RUNS=15           runs per command
//   BENCH_BASE_REF=<ref>    the reference build (default c3a52d9, the tree issue 17 was filed against); "none" skips it
//   BENCH_BASE_DIST=<dir>   an already built reference dist/ instead of building one
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS || 15);
const REF = process.env.BENCH_BASE_REF ?? 'c3a52d9';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const tmp = mkdtempSync(join(tmpdir(), 'dg-bench-start-'));
const files = {
  dockerfile: join(tmp, 'Dockerfile'),
  mycnf: join(tmp, 'my.cnf'),
  vagrantfile: join(tmp, 'Vagrantfile'),
};
writeFileSync(files.dockerfile, 'FROM debian:12.8\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nUSER nobody\nCMD ["curl", "--version"]\n');
writeFileSync(files.mycnf, '[mysqld]\ninnodb_buffer_pool_size = 1G\nmax_connections = 200\nkey_buffer = 16M\n');
writeFileSync(files.vagrantfile, 'Vagrant.configure("2") do |config|\n  config.vm.box = "bento/ubuntu-24.04"\n  config.vm.network "forwarded_port", guest: 80, host: 8080\nend\n');

function baseDist() {
  if (process.env.BENCH_BASE_DIST) return process.env.BENCH_BASE_DIST;
  if (REF === 'none') return undefined;
  const dir = join(tmp, 'base');
  console.log(`building the reference CLI (${REF}) in ${dir} ...`);
  execFileSync('sh', ['-c', `mkdir -p "${dir}" && git archive "${REF}" | tar -x -C "${dir}"`], { cwd: root, stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, ['esbuild.mjs', '--production', '--no-tests'], { cwd: dir, stdio: 'ignore' });
  return join(dir, 'dist');
}

const base = baseDist();
const cli = join(root, 'dist', 'cli.js');
const commands = [['node -e 0', ['-e', '0']]];
for (const [kind, file] of Object.entries(files)) {
  commands.push([`lint ${kind} (now)`, [cli, 'lint', '--no-shellcheck', file]]);
  if (base) commands.push([`lint ${kind} (before)`, [join(base, 'cli.js'), 'lint', '--no-shellcheck', file]]);
}
commands.push(['--version (now)', [cli, '--version']]);
if (base) commands.push(['--version (before)', [join(base, 'cli.js'), '--version']]);

const times = new Map(commands.map(([name]) => [name, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [name, args] of commands) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    const ms = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${name} exited ${r.status}`);
    times.get(name).push(ms);
  }
}

const floor = median(times.get('node -e 0'));
console.log(`\nwall time, median of ${RUNS} interleaved runs (Node ${process.version}, ${process.platform})`);
console.log('command                      median ms   × node -e 0   now ÷ before');
for (const [name] of commands) {
  const m = median(times.get(name));
  let vsBefore = '';
  if (name.endsWith('(now)') && base) vsBefore = (m / median(times.get(name.replace('(now)', '(before)')))).toFixed(2);
  console.log(`${name.padEnd(28)} ${m.toFixed(0).padStart(9)}   ${(m / floor).toFixed(2).padStart(11)}   ${vsBefore.padStart(12)}`);
}
rmSync(tmp, { recursive: true, force: true });

// npm run bench:memory — an editor session's memory: thousands of distinct versions of a file linted one after
// another (as while typing: every version differs, unknown option names and Dockerfile RUN lines included), per
// kind, with the heap measured after a full GC every few hundred lints. The heap must level off once the bounded
// caches (parsed RUN scripts, "did you mean" per unknown name) are full: the report shows the growth over the
// second half of the run, which should be near zero.
//   BENCH_VERSIONS=20000 BENCH_KINDS=dockerfile npm run bench:memory
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dg = require(join(root, 'dist/engine.js'));
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const VERSIONS = Number(process.env.BENCH_VERSIONS || 6000);
const mb = (b) => (b / 1024 / 1024).toFixed(1);
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

function corpus(kind, re) {
  const dir = join(root, 'test/corpus/files', kind);
  return readdirSync(dir)
    .filter((f) => re.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Version i of a file: the base text with a line that differs in every version (as typing makes it). */
const edits = {
  dockerfile: (base, i) => base + `\nRUN apt-get install -y pkg${i} && echo ${i.toString(36)} | grep x${i}\nENV V${i}=${i}\n`,
  mycnf: (base, i) => base + `\n[mysqld]\ninnodb_bufer_pool_size_${i.toString(36)} = ${i}M\nmax_conections${i % 97} = ${i}\n`,
  vagrantfile: (base, i) => base.replace(/end\s*$/, '') + `\n  config.vm.hostname = "host-${i}"\n  config.vm.memmory${i} = ${i}\nend\n`,
};

await dg.ready();
const kinds = [
  ['dockerfile', corpus('dockerfile', /dockerfile/i)],
  ['mycnf', corpus('mycnf', /\.cnf$/)],
  ['vagrantfile', corpus('vagrantfile', /vagrantfile/i)],
];
console.log(`${VERSIONS} distinct versions per kind, heap after a full GC (MiB)`);
const only = process.env.BENCH_KINDS?.split(',');
for (const [kind, files] of kinds) {
  if (only && !only.includes(kind)) continue;
  const samples = [];
  const step = Math.max(1, Math.floor(VERSIONS / 10));
  const t0 = performance.now();
  for (let i = 0; i < VERSIONS; i++) {
    const base = files[i % files.length];
    dg.lint(edits[kind](base, i), kind);
    if ((i + 1) % step === 0) samples.push(heap());
  }
  const ms = performance.now() - t0;
  const half = samples[Math.floor(samples.length / 2) - 1];
  const end = samples[samples.length - 1];
  console.log(
    `${kind.padEnd(12)} ${samples.map(mb).join(' ')}  | second half: ${end - half >= 0 ? '+' : ''}${mb(end - half)} MiB` +
      ` | ${(ms / VERSIONS).toFixed(1)} ms per lint`,
  );
}

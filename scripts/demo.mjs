// The main job, end to end: build the extension, package the .vsix, and show the CLI working on examples/.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status ?? 1;
};

if (run(process.execPath, ['esbuild.mjs', '--production', '--no-tests'])) process.exit(1);
const vsix = join(root, 'dist/devops-guidance.vsix');
if (run(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix])) process.exit(1);
console.log(`\nPackaged ${vsix} (${Math.round(statSync(vsix).size / 1024)} KiB). Install it with: code --install-extension ${vsix}\n`);
console.log('$ devops-guidance lint examples/');
const code = run(process.execPath, [join(root, 'dist/cli.js'), 'lint', 'examples']);
console.log(`(exit code ${code}: 1 means findings at warning level or above, as expected for these examples)`);
console.log('\n$ devops-guidance explain DL3007 (first lines)');
const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'explain', 'DL3007'], { cwd: root, encoding: 'utf8' });
console.log(r.stdout.split('\n').slice(0, 12).join('\n'));
process.exit(code === 2 ? 1 : 0);

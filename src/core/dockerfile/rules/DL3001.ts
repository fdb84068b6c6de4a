import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { commandsNamed } from '../shell/lint';
import type { Command } from '../../shell/script';

const POINTLESS: Record<string, string> = {
  free: 'shows the memory of the build machine, not of a running container',
  kill: 'stops a process of the build step; nothing keeps running between build steps',
  mount: 'needs privileges a build step does not have, and the mount would not outlive the step',
  ps: 'lists the processes of the build step only',
  service: 'starts a service that is gone as soon as the build step ends',
  shutdown: 'cannot shut down anything from inside a build step',
  ssh: 'an interactive remote login does not belong in an image build',
  top: 'is an interactive monitor; a build step has no terminal to show it on',
  vim: 'is an interactive editor; edit files with COPY, sed or a heredoc instead',
};

/** vim in batch mode (`vim -es +PlugInstall +qall`) is a legitimate way to install plugins. */
function batchVim(c: Command): boolean {
  return c.args.some((a) => a.text.startsWith('+') || /^-[a-zA-Z]*[Ees]/.test(a.text) || a.text === '-c' || a.text === '--cmd' || a.text === '--headless');
}

/** RUN uses a command that only makes sense in an interactive session or a running container. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3001', name: 'command-pointless-in-build', kind: 'dockerfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    for (const { cmd: c } of commandsNamed(m, ...Object.keys(POINTLESS))) {
      if (!c.program || !c.name || !(c.program in POINTLESS)) continue;
      if (c.program === 'vim' && batchVim(c)) continue;
      if (c.program === 'top' && c.args.some((a) => /^-[a-zA-Z]*b/.test(a.text))) continue;
      ctx.report({ range: c.name.range, message: `"${c.program}" ${POINTLESS[c.program]}.` });
    }
  },
});

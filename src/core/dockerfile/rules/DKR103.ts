import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { dockerfileShell } from '../shell/analysis';
import { commands } from '../shell/lint';
import type { Command } from '../../shell/script';

const SUPERVISORS = new Set(['supervisord', 's6-svscan', 'runsvdir', 'circusd', 'multirun', 'honcho', 'foreman', 'overmind']);
/** Commands that keep a container alive or print, without being a service of their own. */
const FILLERS = new Set(['tail', 'sleep', 'wait', 'echo', 'printf', 'true', 'cat', 'exec', 'set', 'export', 'trap', 'cd', 'sh', 'bash', 'test', '[', 'chown', 'chmod', 'mkdir', 'rm', 'ln', 'cp', 'mv', 'touch', 'sed', 'envsubst', 'install', 'sync']);

/** `service x start`, `/etc/init.d/x start`, `systemctl start x`, `rc-service x start`: the service name, or undefined. */
function serviceStart(c: Command): string | undefined {
  const args = c.args.map((a) => a.text);
  if (c.program === 'service' && args.length >= 2 && args[1] === 'start') return args[0];
  if ((c.program === 'systemctl' || c.program === 'rc-service') && args.includes('start')) {
    const i = args.indexOf('start');
    return c.program === 'systemctl' ? args[i + 1] : args[0];
  }
  if (c.name?.text.startsWith('/etc/init.d/') && args[0] === 'start') return c.program;
  return undefined;
}

/**
 * Several long-running services started by one container's CMD/ENTRYPOINT: a process supervisor, two
 * `service ... start`, or daemons sent to the background with `&` next to another one. One concern per container
 * keeps logs, restarts, scaling and health checks per service.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR103', name: 'multiple-services-in-container', kind: 'dockerfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const shell = dockerfileShell(m);
    for (const ins of m.instructions) {
      const kw = ins.getKeyword();
      if (kw !== 'CMD' && kw !== 'ENTRYPOINT') continue;
      const use = shell.use(ins);
      if (!use) continue;
      const cmds = commands(use).filter((c) => !c.inSubstitution && !c.inFunction);
      const sup = cmds.find((c) => c.program && SUPERVISORS.has(c.program));
      if (sup?.name) {
        ctx.report({
          range: sup.name.range,
          message: `${sup.program} runs several programs in one container; give each service its own container so it can be logged, restarted and scaled on its own.`,
        });
        continue;
      }
      const started: { c: Command; what: string }[] = [];
      for (const c of cmds) {
        const s = serviceStart(c);
        if (s) started.push({ c, what: `service ${s}` });
        else if (c.background && c.program && !FILLERS.has(c.program)) started.push({ c, what: c.program });
      }
      if (!started.length) continue;
      const last = started[started.length - 1].c;
      const foreground = cmds.find((c) => c.start > last.end && c.source === last.source && !c.background && c.program && !FILLERS.has(c.program) && !serviceStart(c));
      const total = started.length + (foreground ? 1 : 0);
      if (total < 2) continue;
      const names = [...started.map((s) => s.what), ...(foreground ? [foreground.program!] : [])];
      const at = started[1]?.c ?? foreground!;
      ctx.report({
        range: at.name?.range ?? at.range,
        message: `This ${kw} starts ${total} long-running services (${names.join(', ')}); run one service per container and connect them over the network.`,
      });
    }
  },
});

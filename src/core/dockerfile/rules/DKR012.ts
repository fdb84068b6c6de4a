import type { Instruction } from '../syntax';
import { defineRule } from '../../rule';
import { finalStage, type DockerfileModel } from '../model';
import { argsSpan, execForm } from '../instructions';
import { inherited } from '../stages';

/** Programs that are an interpreter, a shell or a REPL: an image whose command is one of them is a base to build on. */
const NOT_A_SERVICE = /^(sh|bash|ash|dash|zsh|ksh|pwsh|powershell|cmd|python[\d.]*|pypy[\d.]*|ipython|node|nodejs|deno|bun|irb|ruby[\d.]*|perl[\d.]*|php[\d.]*|jshell|java|lua[\d.]*|R|julia|erl|iex|ghci|scala|groovysh|mongo|mongosh|psql|mysql|redis-cli|true)$/;
/** ENTRYPOINT wrappers that run their arguments (the CMD) as the real program. */
const WRAPPER = /(^|[-_/])(entrypoint(\.sh)?|docker-entrypoint(\.sh)?|tini|dumb-init|gosu|su-exec|s6-overlay|init)$|^docker-[a-z0-9-]*-entrypoint$/;

/** The entrypoint scripts of Docker's official images (`docker-entrypoint.sh`, `docker-php-entrypoint`). */
const LIBRARY_ENTRYPOINT = /^docker-([a-z0-9]+-)?entrypoint(\.sh)?$/;

/** The number of arguments after the program of a command line. */
function argCount(m: DockerfileModel, ins: Instruction): number {
  const x = execForm(m, ins);
  if (x && x !== 'invalid') return Math.max(0, x.values.length - 1);
  return Math.max(0, (argsSpan(m, ins)?.text.trim().split(/\s+/).length ?? 1) - 1);
}

/** The program an exec- or shell-form command line starts (`["/usr/bin/python3", "-u"]` -> `python3`), or undefined. */
function programOf(m: DockerfileModel, ins: Instruction): string | undefined | null {
  const x = execForm(m, ins);
  let first: string | undefined;
  if (x && x !== 'invalid') first = x.values[0];
  else if (x === undefined) first = argsSpan(m, ins)?.text.trim().split(/\s+/)[0];
  if (first === undefined || first === '') return null; // CMD [] / no command
  return first.replace(/\\/g, '/').split('/').pop()?.replace(/\.exe$/i, '');
}

/**
 * The final image is a network service (it runs an application command and EXPOSEs a port) but has no HEALTHCHECK:
 * Docker (and Swarm, Compose) cannot tell a hung service from a healthy one, so nothing restarts or reroutes around
 * it. Left alone: images without a command or a port in this file, base images meant to be built upon (their command
 * is only an interpreter or a shell, `CMD ["python3"]`; they carry ONBUILD triggers; or, docker-library style, a
 * `docker-entrypoint.sh` wrapper runs a bare server name, `CMD ["postgres"]`), and `HEALTHCHECK NONE`, an explicit
 * decision. The finding sits on the command that makes the image a service.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR012', name: 'healthcheck-missing', kind: 'dockerfile', severity: 'info', fix: 'none', aliases: ['DS-0026', 'CKV_DOCKER_2'] },
  check(m, ctx) {
    const stage = finalStage(m);
    if (!stage) return;
    const all = inherited(stage);
    if (all.some((i) => i.getKeyword() === 'HEALTHCHECK' || i.getKeyword() === 'ONBUILD')) return;
    const expose = all.filter((i) => i.getKeyword() === 'EXPOSE');
    if (!expose.length) return;
    // the command a container runs: the last ENTRYPOINT, and the last CMD (its arguments when the ENTRYPOINT wraps)
    const entry = all.filter((i) => i.getKeyword() === 'ENTRYPOINT').pop();
    const cmd = all.filter((i) => i.getKeyword() === 'CMD').pop();
    if (!entry && !cmd) return;
    let service: Instruction | undefined;
    const ep = entry ? programOf(m, entry) : null;
    if (entry && ep && !WRAPPER.test(ep)) service = entry;
    else {
      const c = cmd ? programOf(m, cmd) : null;
      if (cmd && c && !c.startsWith('-')) service = cmd;
      else if (entry && ep) service = entry; // a wrapper whose own script is the service (`ENTRYPOINT ["/entrypoint.sh"]`)
    }
    if (!service) return;
    // docker-library style: a `docker-…entrypoint` wrapper that runs a bare server name (`CMD ["postgres"]`) is an
    // image published for others to configure and build on; its users add the check that fits their service
    if (service === cmd && ep && LIBRARY_ENTRYPOINT.test(ep) && argCount(m, cmd) === 0) return;
    const program = programOf(m, service);
    if (program && NOT_A_SERVICE.test(program)) {
      // an interpreter with a script is an application (`python app.py`); alone it is a base image's default
      const x = execForm(m, service);
      const args = x && x !== 'invalid' ? x.values.slice(1) : (argsSpan(m, service)?.text.trim().split(/\s+/).slice(1) ?? []);
      if (!args.some((a) => !a.startsWith('-'))) return;
    }
    const span = argsSpan(m, service);
    const range = span ? m.lines.rangeOf(span.start, span.start + span.text.trimEnd().length) : service.getRange();
    ctx.report({
      range,
      message: `The final image runs this service and exposes a port but has no HEALTHCHECK: Docker cannot tell a hung service from a healthy one. Add a HEALTHCHECK (or HEALTHCHECK NONE if the base image's check does not apply).`,
      related: [{ message: 'the port it serves', range: expose[expose.length - 1].getRange() }],
    });
  },
});

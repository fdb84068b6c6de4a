/**
 * Users the Dockerfile itself creates in RUN (`useradd -u 10001 app`, `adduser -D -u 10001 app`,
 * `adduser --system --uid 10001 app`), with the UID given on the command line. Rules that advise a numeric UID use
 * the one the file chose, never an invented one.
 */
import { cached, type DockerfileModel, type Stage } from './model';
import { commandsNamed } from './shell/lint';
import { parseOptions, type OptionSpec } from '../shell/options';
import type { Range } from '../finding';

const USERADD: OptionSpec = {
  shortValued: 'bcdefgGkKpsuRPZ',
  longValued: ['--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key', '--password', '--shell', '--uid', '--root', '--prefix', '--selinux-user', '--btrfs-subvolume-home'],
};
/** Debian's adduser (long options) and BusyBox's adduser (short ones). */
const ADDUSER: OptionSpec = {
  shortValued: 'hgsGku',
  longValued: ['--home', '--shell', '--uid', '--gid', '--ingroup', '--gecos', '--comment', '--firstuid', '--lastuid', '--firstgid', '--lastgid', '--conf', '--extrausers', '--add-extra-groups'],
};

export interface CreatedUser {
  name: string;
  /** The UID given on the command line (`-u`, `--uid`), when it is a literal number. */
  uid?: string;
  stage?: Stage;
  /** The command that creates the user. */
  range: Range;
}

/** Users created by RUN commands, in file order (a later creation of the same name comes later in the list). */
export function createdUsers(m: DockerfileModel): CreatedUser[] {
  return cached(m, 'createdUsers', () => {
    const out: CreatedUser[] = [];
    for (const { run, cmd } of commandsNamed(m, 'useradd', 'adduser')) {
      if (cmd.program !== 'useradd' && cmd.program !== 'adduser') continue;
      const p = parseOptions(cmd.args, cmd.program === 'useradd' ? USERADD : ADDUSER);
      const user = cmd.program === 'useradd' ? p.operands[p.operands.length - 1] : p.operands[0];
      if (!user || !user.literal || (cmd.program === 'adduser' && p.operands.length > 1)) continue;
      const uidOpt = p.options.filter((o) => o.name === '-u' || o.name === '--uid').pop();
      const uid = uidOpt?.value !== undefined && /^\d+$/.test(uidOpt.value) ? uidOpt.value : undefined;
      out.push({ name: user.text, uid, stage: run.stage, range: cmd.range });
    }
    return out;
  });
}

/**
 * Everything the editor suite prints goes through here. The extension host's console reaches run.mjs mixed with the
 * workbench's own log (codeAutomationLog); the prefix tells the two apart. run.mjs strips it.
 */
import { format } from 'node:util';

export const PREFIX = 'DG| ';

export function log(...args: unknown[]): void {
  // console.log in the extension host is forwarded without applying format strings (%s, %d): format here.
  console.log(
    format(...args)
      .split('\n')
      .map((l) => PREFIX + l)
      .join('\n'),
  );
}

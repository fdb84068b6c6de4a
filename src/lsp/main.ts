/**
 * dist/lsp.js: the language server as its own bundle, loaded by `devops-guidance lsp` only, so the lint command
 * does not compile the LSP library it never uses.
 */
import { installNodeAssets } from '../node/host';
import { startServer } from './server';

export function runLanguageServer(argv: string[], distDir: string): Promise<number> {
  const transport = argv.find((a) => a.startsWith('--')) ?? '--stdio';
  if (transport !== '--stdio') {
    process.stderr.write(`devops-guidance lsp: only --stdio is supported (got ${transport})\n`);
    return Promise.resolve(2);
  }
  installNodeAssets(distDir);
  const connection = startServer();
  // the connection ends the process on `exit`; until then the server runs
  return new Promise((resolve) => connection.onExit(() => resolve(0)));
}

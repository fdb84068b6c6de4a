/**
 * The bash grammar (tree-sitter-bash, WASM) behind every shell-aware Dockerfile rule. Loaded once by
 * dockerfileLanguage.ready(); after that, parsing is synchronous.
 */
import { Parser, Language } from 'web-tree-sitter';
import { loadAsset } from '../../assets';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

export function loadShellParser(): Promise<void> {
  return (loading ??= (async () => {
    await Parser.init({ wasmBinary: loadAsset('web-tree-sitter.wasm') });
    const bash = await Language.load(loadAsset('tree-sitter-bash.wasm'));
    const p = new Parser();
    p.setLanguage(bash);
    parser = p;
  })());
}

export function shellParserReady(): boolean {
  return parser !== undefined;
}

/** The loaded parser; throws if ready() was not awaited. */
export function shellParser(): Parser {
  if (!parser) throw new Error('the shell parser is not loaded');
  return parser;
}

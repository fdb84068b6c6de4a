/**
 * The engine with Node's asset loader, as one CommonJS bundle (dist/engine.js) for scripts and benchmarks:
 *   const dg = require('./dist/engine.js'); await dg.ready(); dg.lint(text, 'dockerfile')
 */
import { join } from 'node:path';
import { installNodeAssets } from './host';

installNodeAssets(join(__dirname));

export * from '../core/index';
export { configFor, nodeEnv, installNodeAssets } from './host';
// benchmarks: the tree-sitter walk through its internal cursor functions or through the public TreeCursor
export { setNativeCursor, nativeCursorActive } from '../core/shell/parser';
export { shellCacheStats } from '../core/shell/script';
// benchmarks: the Ruby parser through its internal way (parsePrism on our own instance) or its public loadPrism()
export { loadPrism as loadRubyParser, parseRuby, prismBackend, prismLoadMs, prismFallbackReason, setPrismGuard } from '../core/vagrant/prism';

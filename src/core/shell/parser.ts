/**
 * The bash grammar (tree-sitter-bash, WASM) behind every shell-aware Dockerfile rule. Loaded once by
 * dockerfileLanguage.ready(); after that, parsing is synchronous.
 *
 * Walking a tree: web-tree-sitter's TreeCursor copies the cursor's state into WASM memory and back around every
 * call (eight generic setValue/getValue calls per step), which made copying a tree cost almost as much as parsing
 * it. The C side keeps the cursor in a transfer buffer that each call reads and writes back, so a walk that makes
 * no other tree-sitter call in between can leave the state there and call the cursor functions directly.
 * `openCursor` does that when the loaded module exposes what it needs (the options object handed to Parser.init
 * becomes the Emscripten module, with the `_ts_tree_cursor_*_wasm` exports and the heap) and a self-check at load
 * walks sample trees both ways with identical results; otherwise it returns web-tree-sitter's own TreeCursor.
 */
import { Parser, Language, type Tree, type TreeCursor } from 'web-tree-sitter';
import { loadAsset } from '../assets';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;
let native: Native | undefined;

export function loadShellParser(): Promise<void> {
  return (loading ??= (async () => {
    const module: Record<string, unknown> = { wasmBinary: loadAsset('web-tree-sitter.wasm') };
    await Parser.init(module);
    const bash = await Language.load(loadAsset('tree-sitter-bash.wasm'));
    const p = new Parser();
    p.setLanguage(bash);
    parser = p;
    native = nativeCursorFunctions(module);
    if (native && !selfCheck(p)) native = undefined;
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

/** What a tree walk reads: TreeCursor's members of that name (web-tree-sitter's own cursor satisfies it). */
export interface Cursor {
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  readonly nodeTypeId: number;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly currentFieldId: number;
  readonly nodeIsMissing: boolean;
  delete(): void;
}

/**
 * A cursor at the root of `tree`. Until `delete()`, the walk must make no other call into tree-sitter (no Node
 * property, no parse): the fast cursor's state lives in the shared transfer buffer.
 */
export function openCursor(tree: Tree, fast = useNative): Cursor {
  const cursor = tree.walk();
  const n = fast ? native : undefined;
  const address = (tree as unknown as { [0]: unknown })[0];
  const handles = (cursor as unknown as { handles?: unknown }).handles;
  if (!n || typeof address !== 'number' || !Array.isArray(handles) || handles.length !== 4) return cursor;
  return new NativeCursor(n, address, cursor, handles as number[]);
}

type Fn = (tree: number) => number;

interface Native {
  heap(): DataView;
  buffer: number;
  first: Fn;
  next: Fn;
  parent: Fn;
  typeId: Fn;
  start: Fn;
  end: Fn;
  field: Fn;
  missing: Fn;
}

function nativeCursorFunctions(module: Record<string, unknown>): Native | undefined {
  const fn = (name: string): Fn | undefined => (typeof module[name] === 'function' ? (module[name] as Fn) : undefined);
  const init = module._ts_init;
  const first = fn('_ts_tree_cursor_goto_first_child_wasm');
  const next = fn('_ts_tree_cursor_goto_next_sibling_wasm');
  const parent = fn('_ts_tree_cursor_goto_parent_wasm');
  const typeId = fn('_ts_tree_cursor_current_node_type_id_wasm');
  const start = fn('_ts_tree_cursor_start_index_wasm');
  const end = fn('_ts_tree_cursor_end_index_wasm');
  const field = fn('_ts_tree_cursor_current_field_id_wasm');
  const missing = fn('_ts_tree_cursor_current_node_is_missing_wasm');
  if (typeof init !== 'function' || !first || !next || !parent || !typeId || !start || !end || !field || !missing) return undefined;
  if (!(module.HEAP_DATA_VIEW instanceof DataView)) return undefined;
  // ts_init fills the first two slots of the transfer buffer with version numbers (read only by Parser.init) and returns its address
  const buffer = (init as () => unknown)();
  if (typeof buffer !== 'number' || buffer <= 0) return undefined;
  // the heap's views are replaced when WASM memory grows: read the current one each time
  const heap = () => module.HEAP_DATA_VIEW as DataView;
  return { heap, buffer, first, next, parent, typeId, start, end, field, missing };
}

class NativeCursor implements Cursor {
  constructor(
    private readonly n: Native,
    private readonly tree: number,
    private readonly cursor: TreeCursor,
    private readonly handles: number[],
  ) {
    const heap = n.heap();
    for (let k = 0; k < 4; k++) heap.setInt32(n.buffer + 4 * k, handles[k], true);
  }
  gotoFirstChild(): boolean {
    return this.n.first(this.tree) === 1;
  }
  gotoNextSibling(): boolean {
    return this.n.next(this.tree) === 1;
  }
  gotoParent(): boolean {
    return this.n.parent(this.tree) === 1;
  }
  get nodeTypeId(): number {
    return this.n.typeId(this.tree);
  }
  get startIndex(): number {
    return this.n.start(this.tree);
  }
  get endIndex(): number {
    return this.n.end(this.tree);
  }
  get currentFieldId(): number {
    return this.n.field(this.tree);
  }
  get nodeIsMissing(): boolean {
    return this.n.missing(this.tree) === 1;
  }
  /** Hands the cursor's current state (its stack may have been reallocated) back to web-tree-sitter, which frees it. */
  delete(): void {
    const heap = this.n.heap();
    for (let k = 0; k < 4; k++) this.handles[k] = heap.getInt32(this.n.buffer + 4 * k, true);
    this.cursor.delete();
  }
}

/** Walks sample trees (with errors, missing tokens, fields, deep nesting) with both cursors; true when they agree. */
function selfCheck(p: Parser): boolean {
  const samples = [
    'if [ -f a ]; then b=$(c "d $e" | f) && g || h & fi; i > j 2>&1 <<EOF\nbody\nEOF\n',
    'apt-get install -y x=1 && { y; } ; ( z ) | w |& v; for q in 1 2; do echo "$q"; done',
    '{{ if .x }} echo a && ; b ) "unterminated ${x:-y} $((1+2)) `q`',
    `a ${'$('.repeat(40)}b${')'.repeat(40)}`,
  ];
  const trace = (tree: Tree, fast: boolean): string => {
    const c = openCursor(tree, fast);
    const out: number[] = [];
    try {
      for (;;) {
        out.push(c.nodeTypeId, c.startIndex, c.endIndex, c.currentFieldId, c.nodeIsMissing ? 1 : 0);
        if (c.gotoFirstChild()) continue;
        while (!c.gotoNextSibling()) {
          if (!c.gotoParent()) return out.join(',');
          out.push(-1);
        }
      }
    } finally {
      c.delete();
    }
  };
  try {
    for (const s of samples) {
      const tree = p.parse(s);
      if (!tree) return false;
      try {
        if (trace(tree, true) !== trace(tree, false)) return false;
      } finally {
        tree.delete();
      }
    }
    return true;
  } catch {
    return false;
  }
}

/** True when tree walks use the direct cursor (the self-check passed with the loaded web-tree-sitter). */
export function nativeCursorActive(): boolean {
  return native !== undefined && useNative;
}

let useNative = true;

/** Tests and benchmarks: walk with web-tree-sitter's own TreeCursor (false) or the direct one when available (true). */
export function setNativeCursor(enabled: boolean): void {
  useNative = enabled;
}

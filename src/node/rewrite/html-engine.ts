import { defaultTreeAdapter, Parser, TokenizerMode, type DefaultTreeAdapterMap, type html, type Token } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
import { FETCH_ATTRIBUTES } from './gated-form';
import type { GateEdit, TagView } from './plan-gate';

/** Decides, per start tag in document order, whether it is held; called once per `base` and fetching tag. */
export type TagHandler = (tag: TagView) => GateEdit | null;

/** A synchronous, chunk-at-a-time rewriter: what goes in comes out, byte for byte, except held tags. */
export interface HtmlEngine {
  /** Returns the output that is final so far (a tag split across chunks comes out once it is whole). */
  write(chunk: string): string;
  /** Flushes the rest; the engine is done afterwards. */
  end(): string;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** The only tags the handler ever acts on (the base URL, and tags that fetch); others skip it. */
const WATCHED = new Set(['base', ...Object.keys(FETCH_ATTRIBUTES)]);

function viewOf(token: Token.TagToken, namespace: string): TagView {
  return {
    name: token.tagName,
    foreign: namespace !== HTML_NS,
    get(attribute) {
      for (const attr of token.attrs) if (attr.name === attribute) return attr.value;
      return null;
    },
  };
}

/** Drops, moves then sets, in place, so the held tag keeps its attributes in their order. */
export function applyEdit(attrs: Token.Attribute[], edit: GateEdit): void {
  for (const name of edit.drops || []) {
    const at = attrs.findIndex((attr) => attr.name === name);
    if (at >= 0) attrs.splice(at, 1);
  }
  for (const [from, to] of edit.moves) {
    const clash = attrs.findIndex((attr) => attr.name === to);
    if (clash >= 0) attrs.splice(clash, 1);
    const moved = attrs.find((attr) => attr.name === from);
    if (moved) moved.name = to;
  }
  for (const [name, value] of edit.sets) {
    const existing = attrs.find((attr) => attr.name === name);
    if (existing) existing.value = value;
    else attrs.push({ name, value });
  }
}

const escapeAttribute = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\u00a0/g, '&nbsp;');

function serializeStartTag(token: Token.TagToken): string {
  let out = '<' + token.tagName;
  for (const { name, value } of token.attrs) out += ` ${name}="${escapeAttribute(value)}"`;
  return out + (token.selfClosing ? '/>' : '>');
}

/**
 * parse5's spec tree builder drives its tokenizer (raw text in script/style/textarea/noscript, foreign
 * content in svg/math exactly as browsers decide it) and tells which namespace each start tag's element
 * lands in; the output is the input source, copied in long runs by offset, with held start tags
 * re-serialized. (parse5-html-rewriting-stream emits the same raw source, but its parser-feedback
 * simulator mis-tracks foreign content — `<math/>`, `<svg><svg><img>`, `<div><svg></div>` — so it would
 * miss tags and edit inline scripts; the fuzz test finds those.) Location info is off (it triples the
 * tokenizer's allocations): tag offsets are read from the preprocessor where the tokenizer starts a tag
 * token and where it emits one, at its '>'.
 */
class GatingParser extends Parser<DefaultTreeAdapterMap> {
  _out = '';
  /** Source offset up to which input has been copied or replaced. */
  _copiedTo = 0;
  /** Source offset up to which input may be copied: the end of the last tag the tokenizer emitted. */
  _safeTo = 0;
  /** Where the tag token in progress started (its '<'). */
  _tagStart = 0;
  /** The current start tag's attributes, and the namespace its element was created in (null: none was). */
  _tagAttrs: Token.Attribute[] | null = null;
  _tagNamespace: html.NS | null = null;
  _noscript: HtmlEngine | null = null;

  constructor(private readonly _handle: TagHandler) {
    super({ scriptingEnabled: true, treeAdapter: { ...defaultTreeAdapter, ...SKELETON_ADAPTER } });
    const tokenizer = this.tokenizer as unknown as TokenizerInternals;
    const preprocessor = tokenizer.preprocessor;
    const { _createStartTagToken: startTag, _createEndTagToken: endTag } = tokenizer;
    // Called with the current code point on the tag name's first letter: '<' is 1 back, '</' 2.
    tokenizer._createStartTagToken = () => {
      this._tagStart = preprocessor.offset - 1;
      startTag.call(tokenizer);
    };
    tokenizer._createEndTagToken = () => {
      this._tagStart = preprocessor.offset - 2;
      endTag.call(tokenizer);
    };
    // The parser drops input it has finished with (past 64 KB): copy it out first. It only does so
    // between tokens, never inside a tag.
    const drop = preprocessor.dropParsedChunk;
    preprocessor.dropParsedChunk = (keep = 0) => {
      if (preprocessor.willDropParsedChunk()) this._copyTo(preprocessor.offset - keep);
      drop.call(preprocessor, keep);
    };
  }

  /** The offset just past the '>' the tokenizer is on when it emits a tag. */
  _tagEnd(): number {
    return this.tokenizer.preprocessor.offset + 1;
  }

  /** Copies source up to `offset`, into the noscript rewriter while inside one. */
  _copyTo(offset: number) {
    if (offset <= this._copiedTo) return;
    const { html, droppedBufferSize } = this.tokenizer.preprocessor;
    const raw = html.slice(this._copiedTo - droppedBufferSize, offset - droppedBufferSize);
    this._copiedTo = offset;
    this._out += this._noscript ? this._noscript.write(raw) : raw;
  }

  override _createElement(tagName: string, namespaceURI: html.NS, attrs: Token.Attribute[], intendedParent: ParentNode) {
    if (attrs === this._tagAttrs) this._tagNamespace = namespaceURI;
    return super._createElement(tagName, namespaceURI, attrs, intendedParent);
  }

  override onStartTag(token: Token.TagToken): void {
    const start = this._tagStart;
    const end = this._tagEnd();
    this._tagAttrs = token.attrs;
    this._tagNamespace = null;
    super.onStartTag(token);
    // A tag that creates no element (ignored where it stands) still reaches the preload scanner: judge it as HTML.
    const namespace: string = this._tagNamespace ?? HTML_NS;
    this._tagAttrs = null;
    // Foreign (SVG, MathML) ones too: Chromium's preload scanner requests their URLs as if they were HTML.
    const edit = WATCHED.has(token.tagName) ? this._handle(viewOf(token, namespace)) : null;
    if (edit) {
      this._copyTo(start);
      applyEdit(token.attrs, edit);
      this._out += serializeStartTag(token);
      this._copiedTo = end;
    }
    this._safeTo = end;
    // With scripting on (every visitor who can consent), <noscript> content is raw text; without it, it is
    // markup that loads — and a visitor without JavaScript can never consent. So it is rewritten as well.
    if (token.tagName === 'noscript' && namespace === HTML_NS && this.tokenizer.state === TokenizerMode.RAWTEXT) {
      this._copyTo(end);
      this._noscript = createHtmlEngine(this._handle);
    }
  }

  override onEndTag(token: Token.TagToken): void {
    if (this._noscript) {
      this._copyTo(this._tagStart);
      this._closeNoscript();
    }
    super.onEndTag(token);
    this._safeTo = this._tagEnd();
  }

  _closeNoscript() {
    const inner = this._noscript!;
    this._noscript = null;
    this._out += inner.end();
  }

  // Text is never stored, elements keep no location (see SKELETON_ADAPTER).
  override _insertCharacters(): void {}

  override _attachElementToTree(element: DefaultTreeAdapterMap['element'], _location: unknown, insertion: { parent: ParentNode }): void {
    element.parentNode = insertion.parent;
  }

  override onEof(token: Token.EOFToken): void {
    super.onEof(token);
    // Everything left, including a tag still open at EOF, which parsers drop but whose bytes stay.
    const { html, droppedBufferSize } = this.tokenizer.preprocessor;
    this._copyTo(droppedBufferSize + html.length);
    if (this._noscript) this._closeNoscript();
  }

  _take(): string {
    this._copyTo(this._safeTo);
    const out = this._out;
    this._out = '';
    return out;
  }
}

/** The tokenizer members used above (protected or internal in parse5's types). */
interface TokenizerInternals {
  _createStartTagToken(): void;
  _createEndTagToken(): void;
  preprocessor: {
    offset: number;
    willDropParsedChunk(): boolean;
    dropParsedChunk(keep?: number): void;
  };
}

/**
 * A skeleton tree: elements know their parent but no parent keeps its children, and text, comments and
 * locations are not stored. The tree builder's decisions (insertion modes, namespaces, tokenizer states)
 * rest on its stack of open elements and list of formatting elements, never on child lists; so memory
 * stays proportional to nesting depth, and a 200 KB page costs no DOM. The fuzz test compares every
 * decision against parse5's full DOM.
 */
const SKELETON_ADAPTER: Partial<typeof defaultTreeAdapter> = {
  appendChild(parent, node) {
    node.parentNode = parent;
  },
  insertBefore(parent, node) {
    node.parentNode = parent;
  },
  detachNode(node) {
    node.parentNode = null;
  },
  insertText() {},
  insertTextBefore() {},
  setNodeSourceCodeLocation() {},
  updateNodeSourceCodeLocation() {},
  getNodeSourceCodeLocation: () => undefined,
};

export function createHtmlEngine(handle: TagHandler): HtmlEngine {
  const parser = new GatingParser(handle);
  return {
    write(chunk) {
      parser.tokenizer.write(chunk, false);
      return parser._take();
    },
    end() {
      parser.tokenizer.write('', true);
      return parser._take();
    },
  };
}

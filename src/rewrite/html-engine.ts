import type { Token } from 'parse5';
import { RewritingStream } from 'parse5-html-rewriting-stream';
import type { GateEdit, TagView } from './plan-gate';

type StartTag = Parameters<RewritingStream['emitStartTag']>[0];

/** Decides, per start tag in document order, whether it is held; called once per tag. */
export type TagHandler = (tag: TagView) => GateEdit | null;

/** A synchronous, chunk-at-a-time rewriter: what goes in comes out, byte for byte, except held tags. */
export interface HtmlEngine {
  /** Returns the output that is final so far (a tag split across chunks comes out once it is whole). */
  write(chunk: string): string;
  /** Flushes the rest; the engine is done afterwards. */
  end(): string;
}

function viewOf(token: StartTag): TagView {
  return {
    name: token.tagName,
    get(attribute) {
      for (const attr of token.attrs) if (attr.name === attribute) return attr.value;
      return null;
    },
  };
}

/** Moves then sets, in place, so the held tag keeps its attributes in their order. */
export function applyEdit(attrs: Token.Attribute[], edit: GateEdit): void {
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

/**
 * parse5's rewriting stream driven synchronously: its tokenizer and parser-feedback simulator are the
 * spec's (raw text in script/style/textarea/noscript, foreign content in svg/math), and every token we
 * do not change is emitted from the raw source. We collect what it pushes instead of going through the
 * Node stream machinery, which keeps this usable from web streams and strings alike and adds no ticks.
 */
class GatingStream extends RewritingStream {
  _out = '';
  _noscript: HtmlEngine | null = null;

  constructor(private readonly _handle: TagHandler) {
    super();
    this.on('startTag', (token: StartTag, raw: string) => this._onStartTag(token, raw));
    this.on('text', (_token: unknown, raw: string) => this._onText(raw));
    this.on('endTag', (token: { tagName: string }, raw: string) => this._onEndTag(token.tagName, raw));
  }

  override push(chunk: unknown): boolean {
    if (typeof chunk === 'string') this._out += chunk;
    return true;
  }

  _take(): string {
    const out = this._out;
    this._out = '';
    return out;
  }

  _onStartTag(token: StartTag, raw: string) {
    if (this.parserFeedbackSimulator.inForeignContent) return this.emitRaw(raw);
    const edit = this._handle(viewOf(token));
    if (edit) {
      applyEdit(token.attrs, edit);
      this.emitStartTag(token);
    } else {
      this.emitRaw(raw);
    }
    // With scripting on (as for every visitor who can consent), <noscript> content is raw text to the
    // parser; without it, it is markup that loads. It gets the same treatment, so a no-JS visitor, who
    // can never consent, is not tracked by a noscript pixel either.
    if (token.tagName === 'noscript' && !token.selfClosing) this._noscript = createHtmlEngine(this._handle);
  }

  _onText(raw: string) {
    this.emitRaw(this._noscript ? this._noscript.write(raw) : raw);
  }

  _onEndTag(tagName: string, raw: string) {
    if (this._noscript && tagName === 'noscript') this._closeNoscript();
    this.emitRaw(raw);
  }

  _closeNoscript() {
    const inner = this._noscript!;
    this._noscript = null;
    this.emitRaw(inner.end());
  }

  write_(chunk: string): string {
    this._transformChunk(chunk);
    return this._take();
  }

  end_(): string {
    this._final(() => undefined);
    if (this._noscript) this._closeNoscript();
    return this._take();
  }
}

export function createHtmlEngine(handle: TagHandler): HtmlEngine {
  const stream = new GatingStream(handle);
  return { write: (chunk) => stream.write_(chunk), end: () => stream.end_() };
}

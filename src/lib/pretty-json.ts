/**
 * `JSON.stringify(value, null, 2)` written and read in pieces, for a file too
 * large to hold as one string (V8 caps a string near 512 MB; the knowledge
 * layer of 100,000 articles is larger).
 *
 * Writing: `prettyJsonPieces` yields strings whose concatenation is exactly
 * `JSON.stringify(value, null, 2)`; each array element is stringified on its
 * own, so no piece is larger than the largest element.
 *
 * Reading: `PrettyJsonReader` takes such text line by line (chunks may split
 * lines anywhere) and rebuilds the value, parsing each array element with
 * `JSON.parse` on its own lines. It relies on the layout `JSON.stringify`
 * gives with an indent of 2: a string never holds a raw line break, so every
 * line break is structural, an array's elements start on their own lines at
 * one indent deeper than the array, and an element ends on the line at its
 * own indent that closes it. Text in any other layout is refused with the
 * line it stops at.
 */

/**
 * An array made element by element as it is written, never held whole:
 * `prettyJsonPieces` writes it as the array of what `elements()` yields, and
 * `JSON.stringify` as `toJSON()`, that array. Each reading calls `elements` again.
 */
export class JsonArrayStream<T> implements Iterable<T> {
  private readonly elements: () => Iterable<T>;

  constructor(elements: () => Iterable<T>) {
    this.elements = elements;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.elements()[Symbol.iterator]();
  }

  toJSON(): T[] {
    return [...this];
  }
}

/**
 * The text of `JSON.stringify(value, null, 2)`, in pieces whose concatenation
 * is exactly it (`undefined` for a value it leaves out); a `JsonArrayStream`
 * is written as its array, one element at a time.
 */
export function* prettyJsonPieces(value: unknown, indent = ''): Generator<string> {
  if (Array.isArray(value) || value instanceof JsonArrayStream) {
    const inner = `${indent}  `;
    let i = 0;
    for (const element of value as Iterable<unknown>) {
      // As JSON.stringify: an element it cannot write (undefined, a function) is null.
      const text = JSON.stringify(element, null, 2) ?? 'null';
      yield `${i === 0 ? '[\n' : ',\n'}${inner}${text.replace(/\n/g, `\n${inner}`)}`;
      i += 1;
    }
    yield i === 0 ? '[]' : `\n${indent}]`;
    return;
  }
  if (isPlainRecord(value)) {
    const inner = `${indent}  `;
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      // As JSON.stringify: a key whose value it cannot write is left out.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* prettyJsonPieces(v, inner);
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2);
  if (text !== undefined) yield text.replace(/\n/g, `\n${indent}`);
}

/** An object `prettyJsonPieces` walks into (anything with a `toJSON`, such as a Date, is left to JSON.stringify). */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** An object or array being rebuilt, with the indent of its members. */
type Frame = { kind: 'object'; value: Record<string, unknown>; indent: number } | { kind: 'array'; value: unknown[]; indent: number; onElement?: (path: readonly string[], index: number, element: unknown) => unknown; path: string[] };

/**
 * Rebuilds a value from the text of `JSON.stringify(value, null, 2)`, fed in
 * chunks (`push`), without ever holding the text whole. `onElement`, when
 * given, sees each array element as it is parsed (with the keys leading to
 * its array, and its index) and returns what to keep in its place: a caller validates
 * records one at a time this way.
 */
export class PrettyJsonReader {
  private carry = '';
  private line = 0;
  private readonly stack: Frame[] = [];
  private root: unknown;
  private done = false;
  /** The lines of the element being gathered, and the indent it closes at. */
  private element: { lines: string[]; indent: number; frame: Frame & { kind: 'array' } } | undefined;
  /** The key an object member that opens a container is stored under. */
  private readonly keys: string[] = [];

  private readonly onElement: ((path: readonly string[], index: number, element: unknown) => unknown) | undefined;

  constructor(onElement?: (path: readonly string[], index: number, element: unknown) => unknown) {
    this.onElement = onElement;
  }

  /** Feeds the next piece of text. */
  push(chunk: string): void {
    const text = this.carry + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
      this.take(text.slice(start, nl));
      start = nl + 1;
    }
    this.carry = text.slice(start);
  }

  /** The value, once all of the text has been pushed. */
  end(): unknown {
    if (this.carry !== '') this.take(this.carry);
    this.carry = '';
    if (!this.done) throw this.fail('the text ends before the value is complete');
    return this.root;
  }

  private fail(why: string): Error {
    return new Error(`line ${this.line}: ${why} (not JSON as JSON.stringify writes it with an indent of 2)`);
  }

  private take(line: string): void {
    this.line++;
    if (this.element) {
      this.element.lines.push(line);
      const { indent, frame } = this.element;
      if ((line[indent] === '}' || line[indent] === ']') && leadingSpaces(line) === indent) {
        const text = this.element.lines.join('\n');
        this.element = undefined;
        this.addElement(frame, JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text));
      }
      return;
    }
    if (this.done) {
      if (line === '') return;
      throw this.fail('more text after the value');
    }
    const indent = leadingSpaces(line);
    const body = line.slice(indent);
    const frame = this.stack[this.stack.length - 1];
    if (frame === undefined) {
      if (this.root !== undefined || indent !== 0) throw this.fail('unexpected text');
      this.open(body, undefined, []);
      return;
    }
    if (indent === frame.indent - 2 && (body === (frame.kind === 'object' ? '}' : ']') || body === (frame.kind === 'object' ? '},' : '],'))) {
      this.stack.pop();
      this.keys.pop();
      if (this.stack.length === 0) this.done = true;
      return;
    }
    if (indent !== frame.indent) throw this.fail(`a member at indent ${indent} where ${frame.indent} was expected`);
    const member = body.endsWith(',') ? body.slice(0, -1) : body;
    if (frame.kind === 'array') {
      if (member === '{' || member === '[') this.element = { lines: [line], indent, frame };
      else this.addElement(frame, JSON.parse(member));
      return;
    }
    const end = stringEnd(member);
    if (end < 0 || member.slice(end, end + 2) !== ': ') throw this.fail('a member without a key');
    const key = JSON.parse(member.slice(0, end)) as string;
    this.open(member.slice(end + 2), frame, [...this.paths(), key], key);
  }

  /** The keys leading to the innermost open container. */
  private paths(): string[] {
    return this.keys.filter((k): k is string => k !== undefined);
  }

  /** A value that starts on this line: a container to fill, or a whole value. */
  private open(text: string, parent: (Frame & { kind: 'object' }) | undefined, path: string[], key?: string): void {
    const indent = (this.stack.length + 1) * 2;
    let frame: Frame | undefined;
    if (text === '{') frame = { kind: 'object', value: {}, indent };
    else if (text === '[') frame = { kind: 'array', value: [], indent, path, ...(this.onElement ? { onElement: this.onElement } : {}) };
    const value = frame ? frame.value : JSON.parse(text);
    if (parent === undefined) {
      this.root = value;
      if (!frame) this.done = true;
    } else parent.value[key!] = value;
    if (frame) {
      this.stack.push(frame);
      this.keys.push(key!);
    }
  }

  private addElement(frame: Frame & { kind: 'array' }, element: unknown): void {
    frame.value.push(frame.onElement ? frame.onElement(frame.path, frame.value.length, element) : element);
  }
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/** The index just past the JSON string that opens `text`, or -1. */
function stringEnd(text: string): number {
  if (text[0] !== '"') return -1;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i + 1;
  }
  return -1;
}

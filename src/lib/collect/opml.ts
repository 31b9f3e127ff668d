/**
 * A feed reader's subscriptions, as OPML (the format every reader exports:
 * FreshRSS, Feedly, Inoreader, NetNewsWire, Miniflux, Thunderbird), read into
 * the collector's feed sources, and those sources merged into the config's
 * YAML text.
 *
 * An outline with an `xmlUrl` is a subscription, wherever it stands; the
 * folders it stands in (outlines without one) are the reader's categories,
 * and the innermost becomes the feed's topic. Readers that write OPML 2.0's
 * `category` attribute instead ("/News/World,/Korea") give the last step of
 * its first path. The outline's `title` (else `text`) names the feed.
 *
 * feedsmith reads the OPML; it accepts some text that is not well-formed XML,
 * so fast-xml-validator (by the author of fast-xml-parser, the parser
 * feedsmith uses) checks the file first and gives the line of the first fault. Lines of outlines are
 * found by counting `<outline` start tags in document order, which is the
 * order of a depth-first walk of the parsed outlines.
 *
 * Pure: the CLI reads and writes the files.
 */
import { SyntaxValidator } from 'fast-xml-validator';
import { parseOpml, type Opml } from 'feedsmith';
import { isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { httpUrlSchema } from '../schema.ts';
import { collectMessage } from './codes.ts';
import { dedupeKey } from './url.ts';

/** One subscription of the file. */
export interface Subscription {
  /** The feed's address. */
  url: string;
  /** The feed's name in the reader. */
  title?: string;
  /** The innermost folder (or first category) it was filed under. */
  topic?: string;
  /** The site the feed belongs to, when the reader recorded it. */
  site?: string;
  /** Line of its outline in the file. */
  line?: number;
}

export interface ReadOpml {
  subscriptions: Subscription[];
  messages: Diagnostic[];
}

type Outline = Opml.Outline<string>;

/** The subscriptions in an OPML file's text; `file` names it in messages. */
export function readOpml(text: string, file: string): ReadOpml {
  const at = (line: number | undefined, code: 'SL640' | 'SL641', message: string): Diagnostic => ({ ...collectMessage(file, code, message), ...(line === undefined ? {} : { line }) });
  try {
    SyntaxValidator.validate(text);
  } catch (error) {
    // It throws its fault with the line where it was found.
    const line = (error as { line?: unknown }).line;
    return { subscriptions: [], messages: [at(typeof line === 'number' ? line : undefined, 'SL640', `not well-formed XML: ${(error as Error).message}`)] };
  }
  let doc: Opml.Document<string>;
  try {
    doc = parseOpml(text);
  } catch (error) {
    return { subscriptions: [], messages: [at(1, 'SL640', `not an OPML file (${(error as Error).message})`)] };
  }
  const lines = outlineLines(text);
  const subscriptions: Subscription[] = [];
  const messages: Diagnostic[] = [];
  const seen = new Set<string>();
  let index = 0;
  const walk = (outlines: readonly Outline[], folders: readonly string[]): void => {
    for (const outline of outlines) {
      const line = lines[index++];
      const name = clean(outline.title) ?? clean(outline.text);
      const xmlUrl = clean(outline.xmlUrl);
      if (xmlUrl === undefined) {
        walk(outline.outlines ?? [], name === undefined ? folders : [...folders, name]);
        continue;
      }
      if (!httpUrlSchema.safeParse(xmlUrl).success) {
        messages.push(at(line, 'SL641', `the outline${name === undefined ? '' : ` "${name}"`} has xmlUrl "${xmlUrl}", not an http(s) address; skipped`));
      } else if (!seen.has(dedupeKey(xmlUrl) ?? xmlUrl)) {
        seen.add(dedupeKey(xmlUrl) ?? xmlUrl);
        const topic = folders.at(-1) ?? firstCategory(outline.category);
        const site = clean(outline.htmlUrl);
        subscriptions.push({
          url: xmlUrl,
          ...(name === undefined ? {} : { title: name }),
          ...(topic === undefined ? {} : { topic }),
          ...(site !== undefined && httpUrlSchema.safeParse(site).success ? { site } : {}),
          ...(line === undefined ? {} : { line }),
        });
      }
      // A subscription's own children are not folders of it; subscriptions among them still count.
      walk(outline.outlines ?? [], folders);
    }
  };
  walk(doc.body?.outlines ?? [], []);
  if (subscriptions.length === 0 && messages.length === 0) messages.push(at(undefined, 'SL641', 'no outline with an xmlUrl: the file lists no feeds'));
  return { subscriptions, messages };
}

/** The line of each `<outline` start tag, in document order (comments and CDATA blanked first, lines kept). */
function outlineLines(text: string): number[] {
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const match of blanked.matchAll(/<outline[\s/>]/g)) {
    for (let i = from; i < match.index; i++) if (blanked.charCodeAt(i) === 10) line++;
    from = match.index;
    lines.push(line);
  }
  return lines;
}

function clean(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text === undefined || text === '' ? undefined : text;
}

/** The last step of the first path in OPML 2.0's comma-separated, slash-delimited `category`. */
function firstCategory(category: string | undefined): string | undefined {
  const first = category?.split(',')[0];
  return clean(first?.split('/').filter((step) => step.trim() !== '').at(-1));
}

export interface MergedConfig {
  /** The config's new text (the old text, comments kept, with the new feeds at the end of `feeds`). */
  text: string;
  /** Subscriptions added to it. */
  added: Subscription[];
  /** Subscriptions the config already follows (the same address), left as they are. */
  present: Subscription[];
}

/**
 * The config text with every subscription it does not already follow added
 * to its `feeds`, each with its title, topic and site. `text` is undefined
 * when there is no config yet. The caller checks the result with
 * `parseCollectConfig` before writing it.
 */
export function mergeSubscriptions(text: string | undefined, subscriptions: readonly Subscription[]): MergedConfig {
  const doc = parseDocument(text ?? '', { keepSourceTokens: false });
  if (doc.contents === null) doc.contents = doc.createNode({}) as never;
  if (!isMap(doc.contents)) throw new Error('the config is not a YAML mapping');
  let feeds = doc.get('feeds', true);
  if (!isSeq(feeds)) {
    doc.set('feeds', doc.createNode([]));
    feeds = doc.get('feeds', true);
  }
  const seq = feeds as YAMLSeq;
  // Block style, one feed a few lines, however the config wrote an empty list.
  seq.flow = false;
  const followed = new Set(
    seq.items.flatMap((item) => {
      const url = isMap(item) ? item.get('url') : undefined;
      return typeof url === 'string' ? [dedupeKey(url) ?? url] : [];
    }),
  );
  const added: Subscription[] = [];
  const present: Subscription[] = [];
  for (const sub of subscriptions) {
    const key = dedupeKey(sub.url) ?? sub.url;
    if (followed.has(key)) {
      present.push(sub);
      continue;
    }
    followed.add(key);
    added.push(sub);
    seq.add(doc.createNode({ url: sub.url, ...(sub.title ? { title: sub.title } : {}), ...(sub.topic ? { topic: sub.topic } : {}), ...(sub.site ? { site: sub.site } : {}) }));
  }
  return { text: doc.toString({ lineWidth: 0 }), added, present };
}

/**
 * The about page from the site's own `content/about.md`: Markdown rendered
 * with Astro's Markdown pipeline (GFM, smart punctuation, heading ids; no
 * syntax highlighting, whose inline colours the Content-Security-Policy
 * would block), then made safe for a page that loads no scripts: only the
 * elements and attributes Markdown and plain formatting use are kept
 * (scripts, styles, frames, forms and event handlers go), links keep only
 * web, mail and in-site addresses, in-site addresses starting with `/` are
 * put under the site's base path, links to other sites get the same `rel`
 * as every outbound link, images from other sites (which the policy would
 * block) become their alt text, and ids the page layout uses are renamed so
 * a heading "Main" cannot take the skip link's target. Pure: the file is read
 * at the page (`src/pages/about.astro`).
 *
 * The page's title is the front matter's `title`, else the Markdown's
 * leading `# Heading` (taken out of the body: the page shows it as its
 * heading), else none (the page then uses its default). Its description is
 * the front matter's `description`, else the first paragraph's opening words.
 */
import { createMarkdownProcessor, parseFrontmatter, type MarkdownRenderer } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { rehype } from 'rehype';
import { z } from 'zod';
import { cutWords } from './articles.ts';
import { withBase } from './config.ts';

/** Where the site's own about page is written, relative to the project. */
export const ABOUT_FILE = 'content/about.md';

/** The front matter an about page may carry: every field optional. */
export const aboutFrontMatterSchema = z
  .object({
    /** The page's heading and title, instead of the Markdown's leading `# Heading`. */
    title: z.string().trim().min(1).optional(),
    /** The page's description for search engines and link previews, instead of its first paragraph. */
    description: z.string().trim().min(1).optional(),
  })
  .strict();

export interface AboutPage {
  title: string | undefined;
  description: string | undefined;
  /** The body as safe HTML. */
  html: string;
}

/** Ids the page layout gives its own elements; a Markdown heading or element with one is renamed `about-<id>`. */
export const LAYOUT_IDS: ReadonlySet<string> = new Set(['main', 'site-search']);

/** Elements kept as they are (their attributes filtered). */
const KEPT = new Set(
  'a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd li mark ol p pre q s samp section small span strong sub summary sup table tbody td tfoot th thead time tr u ul var'.split(' '),
);

/** Elements removed with everything in them; any other element not kept is replaced by its content. */
const DROPPED = new Set('script style iframe frame frameset object embed applet noscript template textarea select option button form link meta base title head svg math canvas video audio source track picture map area dialog portal'.split(' '));

/** Attributes kept (hast property names); all others, event handlers and `style` among them, go. */
const ATTRIBUTES = new Set([
  'href', 'src', 'alt', 'title', 'id', 'className', 'colSpan', 'rowSpan', 'start', 'reversed', 'type', 'checked', 'disabled', 'width', 'height', 'lang', 'dir', 'open', 'dateTime', 'abbr', 'scope',
  'dataFootnotes', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', 'ariaHidden',
]);

/** Link schemes kept; a link with any other (`javascript:`, `data:`, …) loses its address. */
const SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** `content/about.md:LINE: message`. */
function aboutError(line: number, message: string): Error {
  return new Error(`${ABOUT_FILE}:${line}: ${message}`);
}

/** The address as kept: `undefined` when its scheme is not allowed; an in-site path from the root put under `base`. */
export function safeAddress(value: string, base: string): string | undefined {
  // Browsers ignore control characters and white space inside a scheme ("java\tscript:"), so the check does too.
  const address = value.trim();
  const bare = [...address].filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase();
  if (scheme !== undefined) return SCHEMES.has(scheme) ? address : undefined;
  if (address.startsWith('/') && !address.startsWith('//')) return withBase(base, address);
  return address;
}

const isExternal = (address: string): boolean => /^(https?:)?\/\//i.test(address);

/** The element as the page keeps it, or what replaces it (its content, its alt text, or nothing). */
function clean(node: Element, base: string): ElementContent[] {
  const tag = node.tagName;
  if (DROPPED.has(tag)) return [];
  const children = cleanChildren(node.children, base);
  if (!KEPT.has(tag)) return children;
  if (tag === 'input' && node.properties['type'] !== 'checkbox') return [];
  // A paragraph left empty (it held only what was dropped) would be a blank gap.
  if (tag === 'p' && children.every((c) => c.type === 'text' && c.value.trim() === '')) return [];
  const properties: Element['properties'] = {};
  for (const [name, value] of Object.entries(node.properties)) {
    if (name === 'align' && typeof value === 'string') properties['className'] = [...((properties['className'] as string[] | undefined) ?? []), `align-${value}`];
    if (!ATTRIBUTES.has(name) || value === undefined || value === null) continue;
    if (name === 'href' || name === 'src') {
      const address = safeAddress(String(value), base);
      if (address !== undefined) properties[name] = address;
    } else if (name === 'id') {
      properties['id'] = LAYOUT_IDS.has(String(value)) ? `about-${String(value)}` : String(value);
    } else if (name === 'className') {
      // GFM's footnote heading is for screen readers; the site's class for that is `visually-hidden`.
      const classes = (Array.isArray(value) ? value : [value]).map((c) => (String(c) === 'sr-only' ? 'visually-hidden' : String(c)));
      properties['className'] = [...((properties['className'] as string[] | undefined) ?? []), ...classes];
    } else properties[name] = value;
  }
  if (tag === 'input') properties['disabled'] = true;
  if (tag === 'img') {
    const src = typeof properties['src'] === 'string' ? properties['src'] : undefined;
    if (src === undefined || isExternal(src)) return properties['alt'] ? [{ type: 'text', value: String(properties['alt']) }] : [];
  }
  if (tag === 'a' && typeof properties['href'] === 'string' && isExternal(properties['href'])) properties['rel'] = ['noopener', 'noreferrer', 'external'];
  return [{ ...node, properties, children }];
}

function cleanChildren(children: readonly (ElementContent | RootContent)[], base: string): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') return clean(child, base);
    if (child.type === 'text') return [child];
    // Comments, doctypes and raw HTML left unparsed are dropped.
    return [];
  });
}

/**
 * The body's hast made safe (see the module's comment), its leading `h1`
 * taken out and returned as the title, and any other `h1` made an `h2`, so
 * the page has one top heading.
 */
export function safeBody(tree: Root, base: string): { title: string | undefined; tree: Root } {
  const children: RootContent[] = cleanChildren(tree.children, base);
  let title: string | undefined;
  const first = children.findIndex((c) => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''));
  const lead = children[first];
  if (lead?.type === 'element' && lead.tagName === 'h1') {
    title = toText(lead).trim() || undefined;
    children.splice(first, 1);
  }
  const demote = (nodes: readonly RootContent[]): void => {
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      if (n.tagName === 'h1') n.tagName = 'h2';
      demote(n.children);
    }
  };
  demote(children);
  return { title, tree: { type: 'root', children } };
}

let processor: Promise<MarkdownRenderer> | undefined;

/** The about page from the text of `content/about.md`, its body rendered and made safe for `base`; throws `content/about.md:LINE: …` on bad front matter. */
export async function renderAbout(text: string, base: string): Promise<AboutPage> {
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    throw aboutError((mark?.line ?? 0) + 2, `the front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const front = aboutFrontMatterSchema.safeParse(parsed.frontmatter ?? {});
  if (!front.success) {
    const issue = front.error.issues[0]!;
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? '');
    const line = text.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1;
    const message = issue.code === 'unrecognized_keys' ? `unknown field "${key}" (the front matter takes title and description)` : `${key}: ${issue.message}`;
    throw aboutError(Math.max(line, 1), message);
  }
  processor ??= createMarkdownProcessor({ syntaxHighlight: false });
  const rendered = await (await processor).render(parsed.content);
  let title: string | undefined;
  let opening: Element | undefined;
  const file = await rehype()
    .data('settings', { fragment: true })
    .use(() => (tree: Root) => {
      const safe = safeBody(tree, base);
      title = safe.title;
      opening = safe.tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
      return safe.tree;
    })
    .process(rendered.code);
  const openingWords = opening ? cutWords(toText(opening).replace(/\s+/g, ' ').trim(), 30) : '';
  return { title: front.data.title ?? title, description: front.data.description ?? (openingWords || undefined), html: String(file).trim() };
}

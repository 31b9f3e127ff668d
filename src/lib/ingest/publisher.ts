/**
 * The publisher named in the scrape itself, for seeds with no sidecar or page
 * metadata. Sites sign their own boilerplate: "Support The Example Times!",
 * "A message from The Example Times", "© 2025 The Example Times". Those lines are
 * removed from the reader's view, but they are the best evidence of whose page
 * was scraped, so this stage reads every block, removed or not. A wire
 * dateline ("KYIV (AP) —") is weaker evidence, used only when the page signs
 * nothing. When nothing names the publisher, none is given: never invented.
 */
import type { Evidence } from '../schema.ts';
import type { Block } from './segment.ts';
import { agencyIn } from './agencies.ts';

export interface PublisherGuess {
  name: string;
  evidence: Evidence;
}

/** A proper name: capitalised words (linked by short lowercase words), or a bare domain. */
const NAME = String.raw`((?:The\s+)?[\p{Lu}\p{N}][\p{L}\p{N}&.-]*(?:\s+(?:(?:of|the|and|for|on|&|de|la|el)\s+)?\p{Lu}[\p{L}\p{N}&.-]*){0,5}|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|news|org|net|info|co|io|media|tv|uk|us|ca|au|de|fr|in|kr|jp))`;

/** A case-insensitive pattern for plain words, so `NAME` keeps its case-sensitive capitals (with the `i` flag, \p{Lu} matches any letter). */
function ci(words: string): string {
  return words.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

const SIGNATURES: { rule: string; pattern: RegExp; note: string }[] = [
  {
    rule: 'appeal-signature',
    pattern: new RegExp(String.raw`^(?:${ci('please')}\s+)?${ci('support')}\s+${NAME}\s*(?:today|now)?\s*[!.]?$`, 'u'),
    note: 'the page asks readers to support this outlet',
  },
  // "A note from …" is not read: it heads an author's note on blogs and serials, signed by a person.
  {
    rule: 'appeal-signature',
    pattern: new RegExp(String.raw`^${ci('a')}n?\s+(?:${ci('message')}|${ci('word')}|${ci('letter')})\s+${ci('from')}\s+${NAME}\s*[:.!]?$`, 'u'),
    note: 'the page’s own appeal is signed by this outlet',
  },
  {
    rule: 'appeal-signature',
    pattern: new RegExp(String.raw`^${NAME}\s+(?:needs|relies on|depends on)\s+(?:your|readers)\b`, 'u'),
    note: 'the page’s own appeal names this outlet',
  },
  {
    rule: 'newsletter-signature',
    pattern: new RegExp(String.raw`^(?:${ci('sign up for')}|${ci('subscribe to')}|${ci('get')})\s+${NAME}(?:’s|'s)?\s+(?:free\s+)?(?:daily\s+|weekly\s+|morning\s+|evening\s+)?newsletters?\b`, 'u'),
    note: 'the page offers this outlet’s newsletter',
  },
  {
    rule: 'copyright-line',
    pattern: new RegExp(String.raw`^(?:©|\([cC]\)|${ci('copyright')})\s*(?:(?:©|${ci('copyright')})\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?${NAME}\s*(?:[.,|]|\d{4}|${ci('all rights')}|$)`, 'u'),
    note: 'the page’s copyright line names this outlet',
  },
];

/** Words that make up slogans, not names ("Support Independent Journalism!"). */
const GENERIC = new Set(
  'the our us we independent journalism journalists free quality local news reporting today now press media work this site page team editors newsroom readers truth democracy everyone all tickets ticket center centre desk portal forum services service help contact'.split(' '),
);

/**
 * A company's name rather than its site's: a copyright line is often signed
 * by the owner ("© 2024 Vox Media, LLC", "© Telegraph Media Group Limited"),
 * whose name is not the one readers know the site by; precision first, so
 * such a name is not given at all.
 */
const COMPANY = /\b(inc|llc|l\.l\.c|ltd|limited|corp|corporation|company|co|group|gmbh|ag|sa|s\.a|plc|media|medien|network|networks|productions|holdings|enterprises)\.?$/iu;

/** Whether the line gives the name with a company's form after it: "BuzzFeed, Inc", "WebMD, LLC". */
function signedByCompany(line: string, name: string): boolean {
  const at = line.indexOf(name);
  return at >= 0 && COMPANY_AFTER.test(line.slice(at + name.length));
}

const COMPANY_AFTER = /^[.\s]*,?\s*(inc|llc|l\.l\.c|ltd|limited|corp|corporation|gmbh|ag|plc)\b/iu;

function isName(candidate: string): boolean {
  // A year ("© 2004-2019 All rights reserved") or a company is not the site's name.
  if (/^\d{4}\b/.test(candidate) || COMPANY.test(candidate)) return false;
  const ws = candidate.toLowerCase().split(/\s+/);
  return ws.some((w) => !GENERIC.has(w.replace(/[^\p{L}\p{N}.]/gu, '')));
}

/**
 * The publisher the scrape names, with the line it stands on, or undefined.
 * The name given most often wins (a page may sign its appeal twice); ties go
 * to the earliest line.
 */
export function findPublisher(blocks: readonly Block[]): PublisherGuess | undefined {
  const found: PublisherGuess[] = [];
  for (const b of blocks) {
    for (const { rule, pattern, note } of SIGNATURES) {
      const name = pattern.exec(b.text)?.[1]?.replace(/[.\s]*\ball rights reserved$/i, '').replace(/[.’']+$/, '');
      if (name && isName(name) && !signedByCompany(b.text, name)) {
        found.push({ name, evidence: { rule, quote: b.text, line: b.lines[0], note: `${note}` } });
        break;
      }
    }
  }
  if (found.length > 0) {
    const votes = new Map<string, number>();
    for (const f of found) votes.set(f.name.toLowerCase(), (votes.get(f.name.toLowerCase()) ?? 0) + 1);
    return [...found].sort((a, b) => votes.get(b.name.toLowerCase())! - votes.get(a.name.toLowerCase())!)[0];
  }
  for (const b of blocks) {
    const wire = agencyIn(b.text, 'dateline');
    if (wire) {
      return {
        name: wire.name,
        evidence: { rule: 'wire-dateline', quote: wire.quote, line: b.lines[0], note: 'the story carries this agency’s dateline, so it is the agency’s copy' },
      };
    }
  }
  return undefined;
}

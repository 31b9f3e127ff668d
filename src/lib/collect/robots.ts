/**
 * robots.txt as RFC 9309 defines it, plus the common `Crawl-delay`:
 *
 * - rules are grouped under one or more `User-agent` lines; the groups naming
 *   our product token (`storyline`, any case) apply, merged; when none does,
 *   the `*` groups do; when neither exists, everything is allowed;
 * - the rule with the longest matching path wins; on a tie `Allow` wins;
 *   `*` matches any run of characters and a final `$` anchors the end;
 * - `/robots.txt` itself is always allowed.
 *
 * What the fetch outcome of robots.txt means (RFC 9309 §2.3.1) is decided by
 * `robotsFromStatus`: a 4xx means no rules; a 5xx or no answer means
 * "assume everything is disallowed" until a later run can read it.
 *
 * Pure: the CLI fetches the file and hands the text in.
 */

export interface RobotsRule {
  allow: boolean;
  /** The path pattern as written (percent-encoding normalised). */
  pattern: string;
}

export interface RobotsGroup {
  /** Product tokens of the group's `User-agent` lines, lowercased. */
  agents: string[];
  rules: RobotsRule[];
  /** `Crawl-delay` in seconds, when given. */
  crawlDelay?: number;
}

export interface Robots {
  groups: RobotsGroup[];
  /** Set when the rules are a stand-in for an unreadable robots.txt: everything is disallowed, and this says why. */
  unreachable?: string;
}

/** Parses robots.txt text. Lines are `key: value`; `#` starts a comment; unknown keys are ignored. */
export function parseRobots(text: string): Robots {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = line.match(/^([A-Za-z-]+)\s*:\s*(.*)$/);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      // An empty Disallow allows everything: it adds no rule.
      if (value !== '') current.rules.push({ allow: key === 'allow', pattern: normalisePath(value) });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelay = seconds;
    }
  }
  return { groups };
}

/** What a robots.txt fetch outcome means: rules to parse, none (4xx), or everything disallowed (5xx, no answer). */
export function robotsFromStatus(status: number | undefined, body: string, why: string): Robots {
  if (status !== undefined && status >= 200 && status < 300) return parseRobots(body);
  if (status !== undefined && status >= 400 && status < 500) return { groups: [] };
  return { groups: [], unreachable: why };
}

export interface RobotsVerdict {
  allowed: boolean;
  /** The rule that decided, as written (`Disallow: /private/`), or why everything is disallowed. */
  reason?: string;
  /** Crawl-delay of the applicable groups, in seconds. */
  crawlDelay?: number;
}

/** Whether `token`'s crawler may fetch `href` under `robots`. */
export function robotsAllows(robots: Robots, token: string, href: string): RobotsVerdict {
  const url = new URL(href);
  const path = normalisePath(`${url.pathname}${url.search}`);
  if (url.pathname === '/robots.txt') return { allowed: true };
  if (robots.unreachable !== undefined) return { allowed: false, reason: robots.unreachable };
  const name = token.toLowerCase();
  const mine = robots.groups.filter((g) => g.agents.some((a) => agentToken(a) === name));
  const groups = mine.length > 0 ? mine : robots.groups.filter((g) => g.agents.includes('*'));
  const delays = groups.map((g) => g.crawlDelay).filter((d): d is number => d !== undefined);
  const crawlDelay = delays.length > 0 ? Math.max(...delays) : undefined;
  let best: RobotsRule | undefined;
  for (const rule of groups.flatMap((g) => g.rules)) {
    if (!matches(rule.pattern, path)) continue;
    const longer = !best || rule.pattern.length > best.pattern.length;
    const tieAllow = best !== undefined && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
    if (longer || tieAllow) best = rule;
  }
  const allowed = best?.allow ?? true;
  return {
    allowed,
    ...(best ? { reason: `${best.allow ? 'Allow' : 'Disallow'}: ${best.pattern}` } : {}),
    ...(crawlDelay === undefined ? {} : { crawlDelay }),
  };
}

/** `Storyline/0.1` and `storyline` are the same product token. */
function agentToken(agent: string): string {
  return agent.split('/')[0]!.trim();
}

/** A path pattern against a path: `*` any run, a final `$` the end, otherwise a prefix. */
function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`).test(path);
}

/**
 * Percent-encoding made comparable: characters that need no encoding are
 * decoded (`%7E` → `~`), the rest upper-cased (`%2f` → `%2F`), and non-ASCII
 * encoded, so a pattern written either way matches the URL's path.
 */
function normalisePath(path: string): string {
  return path
    .replace(/%([0-9a-fA-F]{2})/g, (m, hex: string) => {
      const ch = String.fromCharCode(parseInt(hex, 16));
      return /[A-Za-z0-9\-._~]/.test(ch) ? ch : m.toUpperCase();
    })
    .replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
}

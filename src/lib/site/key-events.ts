/**
 * The key events a topic's page and the home page lead with, from the plain
 * arrays the pages have: the topic's events and its articles' entries.
 */
import { keyEventCount, keyEvents, MAX_KEY_EVENTS, type KeyEvents } from '../knowledge/key-events.ts';
import type { TimelineEvent } from '../knowledge/events.ts';
import type { Entry } from './browse.ts';

/** How far before a topic's first article its key events may reach: the lead-up to the news, not the background. */
export const KEY_EVENT_LEAD_IN_YEARS = 1;

/** How many days before a topic's first article its news may begin: the days that made the news, before the first report of them. */
export const NEWS_LEAD_IN_DAYS = 7;

/**
 * A topic's key events and what is coming up: k is about one for each day on
 * which its articles appeared (`keyEventCount`); key events reach back at
 * most `KEY_EVENT_LEAD_IN_YEARS` before the first article (a birth date in a
 * fact box is background, however many articles repeat it); before the news
 * began (`NEWS_LEAD_IN_DAYS` before the first article) an event ranks by the
 * articles that tell it alone (see `KeyEventOptions.newsFrom`); the latest
 * publication date decides what is still to come. `max` caps k (the site's
 * `keyEvents`).
 */
export function topicKeyEvents(events: readonly TimelineEvent[], entries: readonly Pick<Entry, 'id' | 'data'>[], max = MAX_KEY_EVENTS): KeyEvents & { k: number } {
  const published = new Map<string, string>();
  for (const e of entries) if (e.data.published.date !== undefined) published.set(e.id, e.data.published.date);
  const days = new Set([...published.values()].filter((d) => d.length === 10));
  const sorted = [...published.values()].sort();
  const asOf = sorted.at(-1);
  const first = sorted[0];
  const from = first === undefined ? undefined : `${String(Number(first.slice(0, 4)) - KEY_EVENT_LEAD_IN_YEARS).padStart(4, '0')}${first.slice(4)}`;
  const firstDay = [...days].sort()[0];
  const newsFrom = firstDay === undefined ? undefined : new Date(Date.parse(`${firstDay}T00:00:00Z`) - NEWS_LEAD_IN_DAYS * 86_400_000).toISOString().slice(0, 10);
  const k = keyEventCount(days.size, max);
  const options = { k, published, ...(asOf !== undefined ? { asOf } : {}), ...(from !== undefined ? { from } : {}), ...(newsFrom !== undefined ? { newsFrom } : {}) };
  return { ...keyEvents(events, options), k };
}

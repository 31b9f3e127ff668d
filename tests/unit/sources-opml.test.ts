/**
 * OPML out: `/sources.opml` lists the site's own feeds and the feeds the
 * collector follows, filed by topic, and reads back with a feed library
 * (feedsmith) into the same subscriptions a reader's export gave: a Feedly
 * export read by `readOpml`, written into the config, then published,
 * parses to the same addresses, names, folders and sites.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOpml } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { mergeSubscriptions, readOpml } from '../../src/lib/collect/opml.ts';
import { readFollowedFeeds } from '../../src/lib/site/collect-sources.ts';
import { sourcesOpml } from '../../src/lib/site/sources-opml.ts';

const own = [
  { title: 'Korea Watch', xmlUrl: 'https://news.example.org/rss.xml', htmlUrl: 'https://news.example.org/' },
  { title: 'Kursk · Korea Watch', xmlUrl: 'https://news.example.org/topics/kursk/rss.xml', htmlUrl: 'https://news.example.org/topics/kursk/' },
];

describe('sourcesOpml', () => {
  it("round-trips a reader's export: import into the config, read the config as the build does, publish, parse", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-opml-'));
    try {
      const exported = await readFile(join(import.meta.dirname, '../collect/opml/freshrss.opml'), 'utf8');
      const { subscriptions } = readOpml(exported, 'freshrss.opml');
      await writeFile(join(dir, 'collect.config.yaml'), mergeSubscriptions('contact: https://example.org/me\n', subscriptions).text);
      const { feeds, messages } = readFollowedFeeds(dir);
      expect(messages).toEqual([]);
      const doc = parseOpml(sourcesOpml({ title: 'Korea Watch', own, followed: feeds }));
      expect(doc.head?.title?.trim()).toBe('Korea Watch: sources');
      const [mine, ...folders] = doc.body?.outlines ?? [];
      expect(mine?.text).toBe('Korea Watch');
      expect(mine?.outlines?.map((o) => [o.text, o.type, o.xmlUrl, o.htmlUrl])).toEqual(own.map((f) => [f.title, 'rss', f.xmlUrl, f.htmlUrl]));
      // The published folders and feeds read back as the same subscriptions.
      const back = readOpml(sourcesOpml({ title: 'Korea Watch', own: [], followed: feeds }), 'sources.opml').subscriptions.map(({ line: _line, ...s }) => s);
      expect(back).toEqual(subscriptions.map(({ line: _line, ...s }) => s));
      expect(folders.map((f) => f.text)).toEqual(['World & Politics', 'Uncategorized']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names a feed by its title, else the publisher the config gives, else its host; feeds with no topic stand unfiled after the folders', () => {
    const doc = parseOpml(
      sourcesOpml({
        title: 'S',
        own: [],
        followed: [{ url: 'https://a.example/rss', publisher: 'The A' }, { url: 'https://b.example/feed', topic: 'B' }, { url: 'https://c.example/x', title: 'C & co' }],
      }),
    );
    expect(doc.body?.outlines?.map((o) => [o.text, o.xmlUrl, o.outlines?.map((c) => c.text)])).toEqual([
      ['B', undefined, ['b.example']],
      ['The A', 'https://a.example/rss', undefined],
      ['C & co', 'https://c.example/x', undefined],
    ]);
  });

  it('reads no followed feeds without a config, and warns at the line of a broken one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-opml-'));
    try {
      expect(readFollowedFeeds(dir)).toEqual({ feeds: [], messages: [] });
      await writeFile(join(dir, 'collect.config.yaml'), 'feeds:\n  - url: ftp://x\n');
      const { feeds, messages } = readFollowedFeeds(dir);
      expect(feeds).toEqual([]);
      expect(messages[0]).toMatchObject({ file: 'collect.config.yaml', line: 2, severity: 'warning', code: 'SL602' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

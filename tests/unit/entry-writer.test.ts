import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntryCollector, EntryWriter, removeDeadRunsParking } from '../../src/cli/entries.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'storyline-writer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('parked entries', () => {
  it('are held in memory up to the bound and in temporary files beyond it, and named the same either way', () => {
    // A bound of 20 characters: the first two fit in memory, the third goes to disk.
    const writer = new EntryWriter(dir, 'now', 20);
    writer.park(0, 'first entry');
    writer.park(1, 'second');
    writer.park(2, 'a third, longer entry');
    expect(readdirSync(dir).filter((n) => n.startsWith('.parked-'))).toHaveLength(1);
    writer.place(0, 'a.md');
    writer.drop(1);
    writer.place(2, 'c.md');
    expect(writer.error).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'c.md']);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('first entry');
    expect(readFileSync(join(dir, 'c.md'), 'utf8')).toBe('a third, longer entry');
  });

  it('frees the bound as entries are placed or dropped', () => {
    const writer = new EntryWriter(dir, 'now', 10);
    writer.park(0, '0123456789');
    writer.drop(0);
    writer.park(1, 'abcdefghij');
    expect(readdirSync(dir)).toEqual([]);
    writer.place(1, 'b.md');
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe('abcdefghij');
  });

  it('under `held` are written only by commit, and left out by discard', () => {
    const kept = new EntryWriter(dir, 'held', 100);
    kept.park(0, 'held entry');
    kept.place(0, 'h.md');
    expect(readdirSync(dir).filter((n) => n === 'h.md')).toEqual([]);
    kept.commit();
    expect(readFileSync(join(dir, 'h.md'), 'utf8')).toBe('held entry');
    const dropped = new EntryWriter(dir, 'held', 100);
    dropped.park(0, 'never written');
    dropped.place(0, 'x.md');
    dropped.discard();
    expect(readdirSync(dir).sort()).toEqual(['h.md']);
  });

  it('are not kept at all under --check', () => {
    const writer = new EntryWriter(dir, 'none', 100);
    writer.park(0, 'nothing');
    writer.place(0, 'n.md');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('removeDeadRunsParking', () => {
  it('removes the text a killed run parked, and leaves a running one’s', () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const gone = join(tmpdir(), `storyline-articles-${dead}-test`);
    const kept = join(tmpdir(), `storyline-articles-${process.ppid}-test`);
    mkdirSync(gone, { recursive: true });
    mkdirSync(kept, { recursive: true });
    try {
      removeDeadRunsParking();
      expect(existsSync(gone)).toBe(false);
      expect(existsSync(kept)).toBe(true);
    } finally {
      rmSync(gone, { recursive: true, force: true });
      rmSync(kept, { recursive: true, force: true });
    }
  });
});

describe('EntryCollector', () => {
  const parkings = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith(`storyline-articles-${process.pid}-`));

  it('parks each article’s text as it comes, reads one back on demand, and restores them all exactly', () => {
    const names = readdirSync('content/articles').filter((n) => n.endsWith('.md')).sort().slice(0, 3);
    const collector = new EntryCollector(new Map(), new EntryWriter(dir, 'none'), (n) => n);
    const messages: never[] = [];
    for (const name of names) collector.keep(name, readFileSync(join('content/articles', name), 'utf8'), 'digest', messages);
    expect(messages).toEqual([]);
    const articles = collector.articles;
    expect(articles.map((a) => a.id)).toEqual(names.map((n) => n.replace(/\.md$/, '')));
    expect(articles.every((a) => a.body === '' && Object.keys(a.data).length === 0)).toBe(true);
    expect(parkings()).toHaveLength(1);
    const read = articles.map((a) => collector.readArticleText(a));
    expect(read.every((t) => t.body.length > 0 && typeof t.data.headline === 'string')).toBe(true);
    collector.restoreArticleText();
    expect(articles.map((a) => ({ data: a.data, body: a.body }))).toEqual(read);
    expect(parkings()).toEqual([]);
    collector.releaseArticles();
  });
});

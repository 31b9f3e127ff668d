/**
 * The entries folder, as the ingest reads and writes it one entry at a time:
 * what each existing entry is (its digest and stamp, not its text), and a
 * writer that puts each entry in place as its seed finishes, or holds it
 * back until the run knows it may write at all.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { CorpusStream, reportRow, type ReportRow } from '../lib/ingest/assembly.ts';
import { checkStamp } from '../lib/ingest/generated.ts';
import { readContentFile } from '../lib/ingest/markdown.ts';
import type { SeedResult } from '../lib/ingest/pipeline.ts';
import { shareStrings } from '../lib/share-strings.ts';
import { holdMentions, packHeldMentions, type ArticleKnowledge, type HeldMentions, type PackedHeldMentions } from '../lib/knowledge/article-knowledge.ts';
import { StringTable } from '../lib/knowledge/compact-mentions.ts';
import type { KnowledgeArticle } from '../lib/knowledge/text.ts';
import { articleSchema } from '../lib/schema.ts';

/** What the ingest keeps of an entry already on disk. */
export interface ExistingEntry {
  /** SHA-256 of its bytes. */
  digest: string;
  /** Whether it is as the ingest wrote it (`checkStamp`). */
  stamp: 'intact' | 'edited' | 'unstamped';
}

/** Every `*.md` in `dir` (none when it cannot be read), by name, in name order. */
export function readExisting(dir: string): Map<string, ExistingEntry> {
  const map = new Map<string, ExistingEntry>();
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .sort();
  } catch {
    return map;
  }
  for (const name of names) {
    // Synchronously, as seeds are read: small files, and one at a time.
    const content = readFileSync(join(dir, name), 'utf8');
    map.set(name, { digest: sha256(content), stamp: checkStamp(content) });
  }
  return map;
}

/** The seed path an entry's front matter names, or undefined when it names none or cannot be read. */
export function seedOfEntry(path: string): string | undefined {
  try {
    const source = readContentFile(readFileSync(path, 'utf8')).data['source'] as { path?: unknown } | undefined;
    return typeof source?.path === 'string' ? source.path : undefined;
  } catch {
    return undefined;
  }
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The temporary file beside `path` that an atomic write goes through; `TEMP_FILE` finds what a killed run left. */
export function tempPath(path: string): string {
  return `${path}.${process.pid}.tmp`;
}

/** Temporary files `tempPath` makes: `<name>.<pid>.tmp`. */
export const TEMP_FILE = /\.\d+\.tmp$/;

/** Removes a file if it can; a folder that cannot be written is reported by the write that failed. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing to do: the caller reports the write that failed.
  }
}

/**
 * How entries are written: `now`, each in place as it comes (atomically);
 * `held`, each to its temporary file, all renamed in place by `commit` or
 * removed by `discard` (a run that may yet have to write nothing, because an
 * entry was edited by hand); `none`, not at all (`--check`).
 */
export type WriteMode = 'now' | 'held' | 'none';

/** Parked entries are held in memory up to this many characters in all; beyond it each goes to a temporary file. */
export const PARK_IN_MEMORY = 32 * 1024 * 1024;

/**
 * Writes entries into one folder as the ingest decides them; the first write
 * error stops all later writes. An entry whose name is not known yet is
 * parked (`park`) and named later (`place`) or dropped when the file on disk
 * is already right (`drop`). Parked entries are held in memory up to
 * `parkInMemory` characters in all, so a re-ingest with nothing changed
 * writes nothing; beyond that each is parked in a temporary file of its own,
 * so memory stays bounded at any corpus size.
 */
export class EntryWriter {
  private readonly held: string[] = [];
  private readonly parked = new Set<string>();
  private readonly inMemory = new Map<number, string>();
  private inMemoryChars = 0;
  private made = false;
  private readonly dir: string;
  private readonly mode: WriteMode;
  private readonly parkInMemory: number;
  /** The first write that failed; after it nothing more is written. */
  error: NodeJS.ErrnoException | undefined;

  constructor(dir: string, mode: WriteMode, parkInMemory = PARK_IN_MEMORY) {
    this.dir = dir;
    this.mode = mode;
    this.parkInMemory = parkInMemory;
  }

  /** Writes (or holds) `content` as `dir/name`. */
  put(name: string, content: string): void {
    const path = join(this.dir, name);
    this.write(tempPath(path), content, () => {
      if (this.mode === 'now') renameSync(tempPath(path), path);
      else this.held.push(path);
    });
  }

  /** Sets `content` aside under `key` (a number), to be named by `place` or dropped by `drop`. */
  park(key: number, content: string): void {
    if (this.mode === 'none' || this.error) return;
    if (this.inMemoryChars + content.length <= this.parkInMemory) {
      this.inMemory.set(key, content);
      this.inMemoryChars += content.length;
      return;
    }
    this.write(this.parkedPath(key), content, () => this.parked.add(this.parkedPath(key)));
  }

  /** Gives the entry parked under `key` its name: written (or held) as `dir/name`. */
  place(key: number, name: string): void {
    const content = this.inMemory.get(key);
    if (content !== undefined) {
      this.forget(key, content);
      this.put(name, content);
      return;
    }
    const from = this.parkedPath(key);
    if (!this.parked.delete(from) || this.error) return;
    const path = join(this.dir, name);
    try {
      renameSync(from, this.mode === 'now' ? path : tempPath(path));
      if (this.mode !== 'now') this.held.push(path);
    } catch (error) {
      this.error = error as NodeJS.ErrnoException;
      removeQuietly(from);
    }
  }

  /** Removes the entry parked under `key`: its file on disk is already as it should be. */
  drop(key: number): void {
    const content = this.inMemory.get(key);
    if (content !== undefined) {
      this.forget(key, content);
      return;
    }
    const from = this.parkedPath(key);
    if (this.parked.delete(from)) removeQuietly(from);
  }

  /** Renames every held entry in place. */
  commit(): void {
    for (const path of this.held.splice(0)) {
      if (this.error) removeQuietly(tempPath(path));
      else {
        try {
          renameSync(tempPath(path), path);
        } catch (error) {
          this.error = error as NodeJS.ErrnoException;
          removeQuietly(tempPath(path));
        }
      }
    }
  }

  /** Removes every held or parked entry's temporary file: the folder is left as it was. */
  discard(): void {
    for (const path of this.held.splice(0)) removeQuietly(tempPath(path));
    for (const path of this.parked) removeQuietly(path);
    this.parked.clear();
    this.inMemory.clear();
    this.inMemoryChars = 0;
  }

  private forget(key: number, content: string): void {
    this.inMemory.delete(key);
    this.inMemoryChars -= content.length;
  }

  /** A parked entry's file: a temporary file (`TEMP_FILE`), so one a killed run left is removed by the next. */
  private parkedPath(key: number): string {
    return join(this.dir, `.parked-${key}.${process.pid}.tmp`);
  }

  private write(path: string, content: string, then: () => void): void {
    if (this.mode === 'none' || this.error) return;
    try {
      if (!this.made) mkdirSync(this.dir, { recursive: true });
      this.made = true;
      writeFileSync(path, content, 'utf8');
      then();
    } catch (error) {
      this.error = error as NodeJS.ErrnoException;
      removeQuietly(path);
    }
  }
}

/** A knowledge problem's article, as far as a message about it needs: its seed, and the first line of its headline and of each body block. */
export interface ArticlePlace {
  source: string;
  headline: number | undefined;
  /** The first seed line of each body block, in order. */
  blocks: Int32Array;
}

/** What the run made of its seeds once every seed is in. */
export interface CollectedCorpus {
  /** The report's row of every seed, in seed path order. */
  rows: ReportRow[];
  /** Every SL408 about an entry made this run (the seeds' own messages are in their rows). */
  messages: Diagnostic[];
  /** The entry file names this run makes. */
  names: Set<string>;
  /** The names whose bytes differ from the file on disk (or that have none), in name order. */
  changed: string[];
  /** Seeds that failed (an error and no entry). */
  failed: string[];
}

/** An entry whose slug waits for every seed: its row, its article, and its digest (its text is parked on disk). */
interface Waiting {
  key: number;
  path: string;
  row: ReportRow;
  article: KnowledgeArticle | undefined;
  place: ArticlePlace | undefined;
  digest: string;
  /** The per-article knowledge its seed's run computed, if any. */
  knowledge?: ArticleKnowledge;
}

/** The folders articles' text is parked in (`parkArticleText`): `storyline-articles-<pid>-<random>` in the OS temporary folder. */
const PARKING = 'storyline-articles-';

/** Removes the parking folders of runs that are no longer alive (killed while their text was parked). */
export function removeDeadRunsParking(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^storyline-articles-(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** Whether a process with this id runs (one this user may not signal counts as running). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a parked article holds in place of its front matter (`parkArticleText`): nothing reads it until the text is restored. */
const PARKED = Object.freeze({}) as KnowledgeArticle['data'];

/** Fills `buffer` from `fd` at `position`; throws when the file ends first. */
function readFully(fd: number, buffer: Buffer, position: number): void {
  for (let done = 0; done < buffer.length; ) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) throw new Error('internal: the parked articles file ended early');
    done += n;
  }
}

/** A row's strings up to this many UTF-16 units long are shared: a removal's text is a line or a few of boilerplate. */
const ROW_STRING_MAX = 4096;

/**
 * Takes seed results in seed path order, and keeps of each only what the
 * corpus-wide steps need: its report row, the entry's name and digest, and
 * the article as the knowledge stages read it (`KnowledgeArticleData` and the
 * body). Each entry is handed to the writer as soon as its name is final; an
 * entry whose slug waits for every seed (a headline another seed shares) is
 * parked on disk and named in `finish`.
 */
export class EntryCollector {
  private readonly stream = new CorpusStream();
  private readonly rows: ReportRow[] = [];
  private readonly waiting: Waiting[] = [];
  private readonly named = new Map<string, string>();
  private readonly messages: Diagnostic[] = [];
  private readonly failed: string[] = [];
  private readonly changed: string[] = [];
  private readonly places = new Map<string, ArticlePlace>();
  private readonly existing: ReadonlyMap<string, ExistingEntry>;
  private readonly writer: EntryWriter;
  private readonly shownEntry: (name: string) => string;
  /** The articles for the knowledge layer, in the order they were made; their text is parked (`parkText`) until `restoreArticleText`, and read one at a time by `readArticleText`. */
  articles: KnowledgeArticle[] = [];
  /** Each entry's SHA-256 by id: per-article knowledge work is cached by it. */
  readonly hashes = new Map<string, string>();
  /** The per-article knowledge the seeds' runs computed (on the workers), by entry id. */
  precomputed = new Map<string, ArticleKnowledge>();
  /** The texts the report's rows hold, each once: seeds share their boilerplate, and so the removals' texts (`shareStrings`). */
  private rowStrings = new Map<string, string>();
  /** The file holding the articles' text while it is parked (`parkText`): its folder, descriptor and length; `null` once it could not be written. */
  private parking: { dir: string; fd: number; length: number } | null | undefined;
  /** Where each parked article's text is in the parking file. */
  private readonly parkedAt = new Map<KnowledgeArticle, { at: number; length: number }>();
  /** Set once a write to the parking file failed: later articles keep their text. */
  private parkingFull = false;
  /** The short strings the per-article knowledge's figures hold, each once (`shareStrings`). */
  private shared = new Map<string, string>();
  /** The strings the held mentions hold, each once (`packHeldMentions`). */
  private heldStrings = new StringTable();

  constructor(existing: ReadonlyMap<string, ExistingEntry>, writer: EntryWriter, shownEntry: (name: string) => string) {
    this.existing = existing;
    this.writer = writer;
    this.shownEntry = shownEntry;
  }

  /** The next seed's result, in seed path order. */
  add(seed: SeedResult): void {
    const { result, slug, pending } = this.stream.add(seed);
    if (slug !== undefined) {
      const name = `${slug}.md`;
      this.named.set(result.input.path, slug);
      const digest = sha256(result.content!);
      if (this.existing.get(name)?.digest !== digest) {
        this.changed.push(name);
        this.writer.put(name, result.content!);
      }
      this.hashes.set(slug, digest);
      const made = this.compact(slug, result.article, result.body ?? '', name, this.messages);
      if (made) {
        this.parkText(made.article);
        this.articles.push(made.article);
        this.places.set(slug, made.place);
        if (result.knowledge) this.precomputed.set(slug, this.hold(result.knowledge));
      }
      this.rows.push(this.shareRow(reportRow(result, `articles/${name}`)));
    } else if (pending) {
      const key = this.waiting.length;
      const digest = sha256(result.content!);
      this.writer.park(key, result.content!);
      // Named in `finish`: the row's entry, the article's id and any SL408 wait for it.
      const made = this.compact('', result.article, result.body ?? '', undefined, undefined);
      if (made) this.parkText(made.article);
      const row = this.shareRow(reportRow(result, 'articles/'));
      this.waiting.push({ key, path: result.input.path, row, article: made?.article, place: made?.place, digest, ...(result.knowledge ? { knowledge: this.hold(result.knowledge) } : {}) });
      this.rows.push(row);
    } else {
      if (result.messages.some((m) => m.severity === 'error')) this.failed.push(result.input.path);
      this.rows.push(this.shareRow(reportRow(result, undefined)));
    }
  }

  /** What is held of an article's knowledge until the layer is built: its mentions without what their article gives again (`holdMentions`), packed; its figures' strings shared. */
  private hold(knowledge: ArticleKnowledge): ArticleKnowledge {
    const given = knowledge.mentions;
    return { mentions: 'error' in given ? given : { value: this.pack(holdMentions(given.value)) }, figures: shareStrings(knowledge.figures, this.shared) };
  }

  private pack(held: HeldMentions | PackedHeldMentions): PackedHeldMentions {
    return held.held === 'packed' ? held : packHeldMentions(held, this.heldStrings);
  }

  private shareRow(row: ReportRow): ReportRow {
    return shareStrings(row, this.rowStrings, ROW_STRING_MAX);
  }

  /** Names the entries that waited, and gives what the run made. */
  finish(): CollectedCorpus {
    this.rowStrings = new Map();
    const slugs = this.stream.finalSlugs();
    for (const [path, slug] of this.named) {
      if (slugs.get(path) !== slug) throw new Error(`internal: ${path} was written as ${slug}.md, but its slug is ${slugs.get(path) ?? 'none'}`);
    }
    for (const w of this.waiting.splice(0)) {
      const slug = slugs.get(w.path)!;
      const name = `${slug}.md`;
      w.row.entry = `articles/${name}`;
      this.hashes.set(slug, w.digest);
      if (this.existing.get(name)?.digest !== w.digest) {
        this.changed.push(name);
        this.writer.place(w.key, name);
      } else this.writer.drop(w.key);
      if (w.article && w.place) {
        w.article.id = slug;
        this.articles.push(w.article);
        this.places.set(slug, w.place);
        if (w.knowledge) this.precomputed.set(slug, w.knowledge);
      } else this.messages.push(...this.schemaProblem(name, this.waitingIssue(w)));
    }
    return { rows: this.rows, messages: this.messages, names: new Set([...this.hashes.keys()].map((id) => `${id}.md`)), changed: [...this.changed].sort(), failed: this.failed };
  }

  /** An entry kept from an earlier run (its seed failed), with its text and digest, for the knowledge layer. */
  keep(name: string, content: string, digest: string, messages: Diagnostic[]): void {
    const id = name.replace(/\.md$/, '');
    this.hashes.set(id, digest);
    let data: Record<string, unknown>;
    let body: string;
    try {
      ({ data, body } = readContentFile(content));
    } catch (error) {
      messages.push({ file: this.shownEntry(name), severity: 'error', code: 'SL408', message: `this entry does not match the schema (${(error as Error).message.split('\n')[0]}); fix its seed` });
      return;
    }
    const made = this.compact(id, data, body, name, messages);
    if (made) {
      this.parkText(made.article);
      this.articles.push(made.article);
      this.places.set(id, made.place);
    }
  }

  /** Where a knowledge problem's article came from. */
  placeOf(id: string): ArticlePlace | undefined {
    return this.places.get(id);
  }

  /**
   * The per-article knowledge, handed over: the collector lets go of it, so
   * the knowledge layer (which consumes it) frees it stage by stage.
   */
  takePrecomputed(): Map<string, ArticleKnowledge> {
    const taken = this.precomputed;
    this.precomputed = new Map();
    this.shared = new Map();
    this.heldStrings.seal();
    this.heldStrings = new StringTable();
    return taken;
  }

  /**
   * Moves an article's front matter and body to a temporary file as soon as
   * the article is made, leaving it without them until `readArticleText` or
   * `restoreArticleText`: until the knowledge layer's later stages, nothing
   * reads them but the entity stage, one article at a time, and at 100,000
   * articles their text is over a gigabyte. Each is written with V8's
   * serialiser, which gives back the very values. When the file cannot be
   * written, the articles from then on keep their text.
   */
  private parkText(article: KnowledgeArticle): void {
    if (this.parking === null || this.parkingFull || this.parkedAt.has(article)) return;
    let dir: string | undefined;
    try {
      if (this.parking === undefined) {
        removeDeadRunsParking();
        dir = mkdtempSync(join(tmpdir(), `${PARKING}${process.pid}-`));
        this.parking = { dir, fd: openSync(join(dir, 'articles.bin'), 'w+'), length: 0 };
      }
      const record = serialize({ data: article.data, body: article.body });
      const at = this.parking.length;
      for (let done = 0; done < record.length; ) done += writeSync(this.parking.fd, record, done, record.length - done, at + done);
      this.parking.length += record.length;
      this.parkedAt.set(article, { at, length: record.length });
    } catch {
      if (this.parking === undefined) {
        if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
        this.parking = null;
      }
      // The articles parked so far stay parked: their records were written whole.
      else this.parkingFull = true;
      return;
    }
    article.data = PARKED;
    article.body = '';
  }

  /** Parks the text of every article not parked yet (`parkText`). */
  parkArticleText(): void {
    for (const a of this.articles) this.parkText(a);
  }

  /** An article's front matter and body, read back from the parking file when it is parked (the article stays parked). */
  readArticleText(article: KnowledgeArticle): Pick<KnowledgeArticle, 'data' | 'body'> {
    const place = this.parkedAt.get(article);
    if (place === undefined || !this.parking) return { data: article.data, body: article.body };
    const record = Buffer.alloc(place.length);
    readFully(this.parking.fd, record, place.at);
    return deserialize(record) as Pick<KnowledgeArticle, 'data' | 'body'>;
  }

  /** Puts back the text `parkText` moved out, and removes its file. */
  restoreArticleText(): void {
    try {
      for (const a of this.parkedAt.keys()) {
        const { data, body } = this.readArticleText(a);
        a.data = data;
        a.body = body;
      }
    } finally {
      this.parkedAt.clear();
      this.removeParking();
    }
  }

  /** Closes and removes the parking file; articles still parked lose their text. */
  private removeParking(): void {
    const parking = this.parking;
    this.parking = undefined;
    if (!parking) return;
    try {
      closeSync(parking.fd);
    } finally {
      rmSync(parking.dir, { recursive: true, force: true });
    }
  }

  /** Lets the articles' text go, once the knowledge layer is built. */
  releaseArticles(): void {
    this.articles = [];
    this.precomputed = new Map();
    this.parkedAt.clear();
    this.removeParking();
  }

  /** The first schema issue of a waiting entry's data, kept for its message once it has a name. */
  private readonly issues = new Map<number, string>();

  private waitingIssue(w: Waiting): string {
    return this.issues.get(w.key) ?? 'not valid';
  }

  private schemaProblem(name: string, at: string): Diagnostic[] {
    return [{ file: this.shownEntry(name), severity: 'error', code: 'SL408', message: `this entry does not match the schema (${at}); fix its seed` }];
  }

  /** The article as the knowledge stages read it, and where it came from; undefined, with SL408, when its data fails the schema. */
  private compact(id: string, data: unknown, body: string, name: string | undefined, messages: Diagnostic[] | undefined): { article: KnowledgeArticle; place: ArticlePlace } | undefined {
    const parsed = articleSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const at = `at ${issue.path.join('.')}: ${issue.message}`;
      if (name !== undefined && messages) messages.push(...this.schemaProblem(name, at));
      else this.issues.set(this.waiting.length, at);
      return undefined;
    }
    const a = parsed.data;
    return {
      article: { id, data: { headline: a.headline, standfirst: a.standfirst, captions: a.captions, published: a.published, temporal: a.temporal, agencies: a.agencies, source: a.source }, body },
      place: { source: a.source.path, headline: a.headlineLines[0], blocks: Int32Array.from(a.blocks, (b) => b[0]) },
    };
  }
}

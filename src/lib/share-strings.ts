/**
 * One copy of each short string in a value read many times over: JSON
 * parsing, a worker's message or a cache read makes a new string for every
 * occurrence, and a corpus's records repeat the same ids, words and keys.
 */

/** By default, strings up to this many UTF-16 units are shared: words, keys and types, which repeat across a corpus. */
export const SHARED_STRING_MAX = 64;

/**
 * `value` (plain JSON) with each short string replaced, in place, by the equal
 * string `table` already holds (or recorded there), up to `max` UTF-16 units long: what a corpus's
 * per-article knowledge holds is mostly the same words and keys over and over,
 * and each result arrives from a worker or the cache as fresh copies. The
 * value stays equal to what it was. Returns `value`.
 */
export function shareStrings<T>(value: T, table: Map<string, string>, max = SHARED_STRING_MAX): T {
  const share = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (v.length > max) return v;
      const known = table.get(v);
      if (known !== undefined) return known;
      table.set(v, v);
      return v;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = share(v[i]);
      return v;
    }
    if (typeof v === 'object' && v !== null) {
      const record = v as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = share(record[key]);
      return v;
    }
    return v;
  };
  return share(value) as T;
}

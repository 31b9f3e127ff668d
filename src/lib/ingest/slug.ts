/**
 * Readable, stable URL slugs from headlines: ASCII, lowercase, hyphenated,
 * cut at a word boundary. Collisions are settled by seed path order, so the
 * same corpus always gives the same slugs.
 */
const MAX_LENGTH = 80;

export function slugify(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['\u2018\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= MAX_LENGTH) return base || 'article';
  const cut = base.slice(0, MAX_LENGTH + 1);
  const end = cut.lastIndexOf('-');
  return (end > 20 ? cut.slice(0, end) : base.slice(0, MAX_LENGTH)).replace(/-+$/, '');
}

/**
 * Gives each item a unique slug: the first (by `key` order) keeps its base
 * slug, later ones get `-2`, `-3`, … skipping any slug already taken.
 */
export function assignSlugs<T>(items: readonly T[], base: (item: T) => string, key: (item: T) => string): Map<T, string> {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const taken = new Set(sorted.map(base));
  const used = new Set<string>();
  const result = new Map<T, string>();
  for (const item of sorted) {
    const b = base(item);
    let slug = b;
    for (let n = 2; used.has(slug) || (slug !== b && taken.has(slug)); n++) slug = `${b}-${n}`;
    used.add(slug);
    result.set(item, slug);
  }
  return result;
}

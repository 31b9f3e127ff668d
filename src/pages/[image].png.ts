/**
 * The site's share image (`og.png`, named by every page's `og:image` and
 * `twitter:image`), drawn at build time from the site's title and tagline
 * (`share-image.ts`, `share-image-render.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { settings } from '../lib/site/settings-data.ts';
import { SHARE_IMAGE_PATH } from '../lib/site/share-image.ts';
import { renderShareImage } from '../lib/site/share-image-render.ts';
import { sliceForShard } from '../lib/site/shards.ts';
import { shard } from '../lib/site/shard-data.ts';

// A parameter, so a sharded build draws it in one shard (keyed `share-image`).
export const getStaticPaths = (() => sliceForShard([{ params: { image: SHARE_IMAGE_PATH.replace(/\.png$/, '') } }], () => 'share-image', shard)) satisfies GetStaticPaths;

export const GET: APIRoute = () => {
  const { png } = renderShareImage({ title: settings.title, tagline: settings.description });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

/**
 * `npm run screenshots`: PNGs of the built site's pages at phone and desktop
 * width, in light and dark, into `screenshots/` (ignored by git), to look at
 * before calling UI work done.
 */
import { mkdir } from 'node:fs/promises';
import { launchChromium, serveBuiltSite } from './browser.ts';

const WIDTHS = { phone: 390, desktop: 1280 } as const;
const SCHEMES = ['light', 'dark'] as const;

const site = await serveBuiltSite();
const browser = await launchChromium();
try {
  await mkdir('screenshots', { recursive: true });
  const probe = await browser.newPage();
  await probe.goto(site.url);
  const firstArticle = await probe.locator('.article-list a').first().getAttribute('href');
  const topic = await probe.locator('.lead-title a').first().getAttribute('href');
  const story = await probe.locator('.lead-story a').first().getAttribute('href');
  await probe.close();
  const pages: Record<string, string> = {
    home: site.url,
    article: new URL(firstArticle ?? '/', site.url).href,
    topic: new URL(topic ?? '/', site.url).href,
    story: new URL(story ?? '/', site.url).href,
    entity: new URL('entities/kim-jong-un/', site.url).href,
    directory: new URL('entities/', site.url).href,
    about: new URL('about/', site.url).href,
    search: new URL('search/?q=Kursk&sort=date-desc', site.url).href,
    'search-empty': new URL('search/?q=zzqqxx', site.url).href,
    notfound: new URL('no-such-page/', site.url).href,
  };
  for (const [name, url] of Object.entries(pages)) {
    for (const [widthName, width] of Object.entries(WIDTHS)) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(url);
        if (name.startsWith('search')) await page.waitForFunction(() => /result/.test(document.getElementById('search-status')?.textContent ?? ''));
        const file = `screenshots/${name}-${widthName}-${colorScheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await site.stop();
}

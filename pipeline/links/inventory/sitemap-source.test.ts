import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from './page.ts';
import { createSitemapSource, titleFromUrl } from './sitemap-source.ts';

const urlset = (origin: string, paths: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>${origin}${p}</loc></url>`).join('')}</urlset>`;
const index = (origin: string, files: string[]) =>
  `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${files.map((f) => `<sitemap><loc>${origin}/${f}</loc></sitemap>`).join('')}</sitemapindex>`;

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const pages: Record<string, string> = {
      '/sitemap.xml': index(origin, ['sitemap-journal.xml']),
      '/sitemap-journal.xml': urlset(origin, ['/journal/how-to-wash-linen/']),
      '/journal/how-to-wash-linen/':
        '<html lang="en-US"><head><title>How to wash linen | Harbor &amp; Pine</title><meta name="description" content="Cold water."></head><body><header>Shop</header><main><h1>How to wash linen</h1><h2>Water</h2><p>Use cold water.</p></main></body></html>',
    };
    const body = pages[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': req.url?.endsWith('.xml') ? 'application/xml' : 'text/html' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function collect(source: ReturnType<typeof createSitemapSource>): Promise<Page[]> {
  const out: Page[] = [];
  for await (const p of source.load()) out.push(p);
  return out;
}

describe('sitemap source', () => {
  it('follows a sitemap index over HTTP and reads each page', async () => {
    const pages = await collect(createSitemapSource({ location: `${origin}/sitemap.xml`, fetchPages: true, locale: 'en' }));
    expect(pages).toEqual([
      { url: '/journal/how-to-wash-linen/', title: 'How to wash linen', description: 'Cold water.', headings: ['Water'], text: 'How to wash linen\nWater\n\nUse cold water.', locale: 'en-US', kind: 'page' },
    ]);
  });

  it('reads sitemap files and names pages after their URL when not fetching', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitemap-'));
    try {
      writeFileSync(path.join(dir, 'sitemap.xml'), index('https://harborandpine.com', ['sitemap-products.xml']));
      writeFileSync(path.join(dir, 'sitemap-products.xml'), urlset('https://harborandpine.com', ['/products/seaside-linen-shirt/', '/products/harbor-chore-jacket/']));
      const pages = await collect(createSitemapSource({ location: path.join(dir, 'sitemap.xml'), fetchPages: false, locale: 'en-US' }));
      expect(pages.map((p) => [p.url, p.title, p.locale])).toEqual([
        ['/products/seaside-linen-shirt/', 'Seaside linen shirt', 'en-US'],
        ['/products/harbor-chore-jacket/', 'Harbor chore jacket', 'en-US'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('titles a page from its URL', () => {
    expect(titleFromUrl('/guides/linen-shirt-care/')).toBe('Linen shirt care');
  });
});

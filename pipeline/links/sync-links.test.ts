import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.ts';
import { findPage } from './index/link-index.ts';
import { linksStateDir, loadLinkIndex } from './index/store-index.ts';
import { linksSync } from './sync-links.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function site(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'links-sync-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'content/journal'), { recursive: true });
  mkdirSync(path.join(root, 'output'), { recursive: true });
  writeFileSync(path.join(root, 'content/_index.md'), '---\ntitle: Harbor & Pine\n---\nClothes from Portland, Maine.\n');
  writeFileSync(path.join(root, 'content/journal/how-to-wash-linen.md'), '---\ntitle: How to wash linen\ndescription: Cold water, gentle cycle.\n---\n## Water\nCold.\n');
  writeFileSync(path.join(root, 'content/journal/merino.md'), '---\ntitle: Caring for merino\nslug: caring-for-merino\n---\nAir it out.\n');
  writeFileSync(path.join(root, 'content/journal/old.md'), '---\ntitle: Unfinished\ndraft: true\n---\nNot live.\n');
  writeFileSync(path.join(root, 'content/journal/chore.html'), '<html lang="en-US"><head><title>Chore coats | Harbor &amp; Pine</title><meta name="description" content="Canvas coats."></head><body><nav>Menu</nav><main><h2>Canvas</h2><p>Organic cotton canvas.</p></main></body></html>');
  writeFileSync(path.join(root, 'output/summer-shirts.md'), '---\ntitle: Summer shirts\nslug: summer-shirts\nkeyphrase: summer shirt\ndraft: true\n---\nLinen breathes.\n');
  return root;
}

const config = configSchema.parse({ links: { sources: [{ kind: 'folder', path: 'content' }, { kind: 'drafts' }] } });

describe('linksSync', () => {
  it('builds the inventory from a content folder and the drafts, and stores the index', async () => {
    const root = site();
    const report = await linksSync({ config, root });
    expect(report).toMatchObject({ pages: 5, added: 5, rebuilt: true });
    expect(report.sources).toEqual([
      { name: `folder:${path.join(root, 'content')}`, pages: 4 },
      { name: `drafts:${path.join(root, 'output')}`, pages: 1 },
    ]);
    const index = loadLinkIndex(linksStateDir(root, config.state));
    expect([...(index?.pages.values() ?? [])].map((p) => [p.url, p.title]).sort()).toEqual([
      ['/', 'Harbor & Pine'],
      ['/journal/caring-for-merino/', 'Caring for merino'],
      ['/journal/chore/', 'Chore coats'],
      ['/journal/how-to-wash-linen/', 'How to wash linen'],
      ['/summer-shirts/', 'Summer shirts'],
    ]);
    expect(index && findPage(index, '/summer-shirts/')?.keyphrase).toBe('summer shirt');
  });

  it('updates only the pages that changed, and drops pages that went away', async () => {
    const root = site();
    await linksSync({ config, root });
    writeFileSync(path.join(root, 'content/journal/merino.md'), '---\ntitle: Caring for merino knits\nslug: caring-for-merino\n---\nAir it out.\n');
    rmSync(path.join(root, 'content/journal/chore.html'));
    const second = await linksSync({ config, root });
    expect(second).toMatchObject({ pages: 4, added: 0, updated: 1, removed: 1, unchanged: 3, rebuilt: false });
    const index = loadLinkIndex(linksStateDir(root, config.state));
    expect(index && findPage(index, '/journal/caring-for-merino/')?.title).toBe('Caring for merino knits');
    expect(index && findPage(index, '/journal/chore/')).toBeUndefined();
    expect(index?.phrases.has('care for merino knit')).toBe(true);
    const third = await linksSync({ config, root });
    expect(third).toMatchObject({ updated: 0, added: 0, removed: 0, unchanged: 4, bytes: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { harborPinePages } from '../__fixtures__/harbor-pine-pages.ts';
import { buildLinkIndex } from '../index/link-index.ts';
import type { Page } from '../inventory/page.ts';
import { suggestLinks, type SuggestOptions } from './suggest-links.ts';

const index = buildLinkIndex(harborPinePages, { bodyWords: 300, weights: { title: 3, headings: 1.5, description: 1.5, text: 1 }, siteHosts: ['harborandpine.com'] });
const options: SuggestOptions = { inlineCode: true, skipKeyphrase: true, minChars: 3, per1000Words: 8, perParagraph: 1, maxLinks: 10, minScore: 0.2, futureKinds: ['event'] };

function suggest(markdown: string, extra: Partial<Parameters<typeof suggestLinks>[1]> = {}, opts: Partial<SuggestOptions> = {}) {
  return suggestLinks(index, { markdown, locale: 'en-US', selfUrl: '/journal/summer-shirts/', ...extra }, { ...options, ...opts });
}
const urls = (r: ReturnType<typeof suggest>) => r.links.map((l) => l.url);

describe('suggestLinks', () => {
  it('links a page named in the text, on the phrase as written, with its reason', () => {
    const md = 'A good summer shirt breathes. Read how to wash linen before the first hot day.\n';
    const r = suggest(md);
    const link = r.links.find((l) => l.url === '/journal/how-to-wash-linen/');
    expect(link?.anchor).toBe('how to wash linen');
    expect(md.slice(link?.start, link?.end)).toBe('how to wash linen');
    expect(link?.line).toBe(1);
    expect(link?.column).toBe(md.indexOf('how to wash linen') + 1);
    expect(link?.reason.score).toBeGreaterThan(0);
    expect(link?.reason.terms).toEqual(expect.arrayContaining(['wash', 'linen']));
    expect(link?.reason.source).toBe('title');
  });

  it('matches stemmed variants of a title', () => {
    const r = suggest('We keep a few notes on caring for merinos in winter.\n');
    expect(r.links[0]?.anchor).toBe('caring for merinos');
  });

  it('never links inside headings, existing links, code or image alt text', () => {
    const md = [
      '## Caring for merino',
      '',
      'See [caring for merino](/elsewhere/) first.',
      '',
      '```',
      'caring for merino',
      '```',
      '',
      '![Caring for merino](/img/merino.jpg)',
      '',
    ].join('\n');
    expect(urls(suggest(md))).not.toContain('/journal/caring-for-merino/');
  });

  it("never links a table's header row, shortcode arguments or configuration lines", () => {
    const table = '| Caring for merino | Notes |\n| --- | --- |\n| Caring for merino | soft |\n';
    const inTable = suggest(table, {}, { per1000Words: 1000 }).links.find((l) => l.url === '/journal/caring-for-merino/');
    expect(inTable?.start).toBe(table.lastIndexOf('Caring for merino'));
    const markup = ['{{< figure src="/img/merino.jpg" alt="Caring for merino" >}}', '', '{{< code-toggle >}}', "title = 'Caring for merino'", '[params]', '{{< /code-toggle >}}', ''].join('\n');
    expect(urls(suggest(markup, {}, { per1000Words: 1000, minScore: 0 }))).not.toContain('/journal/caring-for-merino/');
  });

  it('counts a name that is a whole list item as a reading-list link', () => {
    const md = 'More to read:\n\n- Caring for merino\n- Notes on how to wash linen, in short\n';
    const r = suggest(md, {}, { per1000Words: 1000, minScore: 0 });
    expect(r.links.find((l) => l.url === '/journal/caring-for-merino/')?.reason.listed).toBe(true);
    expect(r.links.find((l) => l.url === '/journal/how-to-wash-linen/')?.reason.listed).toBe(false);
  });

  it('wraps a whole inline code span, never part of one, and only when allowed', () => {
    const md = 'The shirt is `Seaside Linen Shirt` in the catalogue, not `Seaside Linen Shirt v2`.\n';
    const on = suggest(md);
    expect(on.links.map((l) => l.anchor)).toEqual(['`Seaside Linen Shirt`']);
    expect(urls(suggest(md, {}, { inlineCode: false }))).toEqual([]);
  });

  it('never uses the draft focus keyphrase as an anchor', () => {
    const md = 'Organic cotton explained in one line: no synthetic pesticides.\n';
    expect(urls(suggest(md))).toContain('/journal/organic-cotton-explained/');
    // The keyphrase itself, and any longer anchor containing it, would compete with the draft for it.
    const anchors = suggest(md, { keyphrase: 'organic cotton' }).links.map((l) => l.anchor.toLowerCase());
    expect(anchors.filter((a) => a.includes('organic cotton'))).toEqual([]);
    expect(urls(suggest(md, { keyphrase: 'organic cotton' }, { skipKeyphrase: false }))).toContain('/journal/organic-cotton-explained/');
  });

  it('links a target once, and at most once per paragraph', () => {
    const md = 'Caring for merino is easy. How to wash linen is easier.\n\nCaring for merino again.\n';
    const r = suggest(md, {}, { per1000Words: 1000 });
    expect(r.links.filter((l) => l.url === '/journal/caring-for-merino/')).toHaveLength(1);
    const blocks = r.links.map((l) => md.slice(0, l.start).split('\n\n').length);
    expect(new Set(blocks).size).toBe(blocks.length);
    const two = suggest(md, {}, { perParagraph: 2, per1000Words: 1000 });
    expect(two.links.length).toBeGreaterThan(r.links.length);
  });

  it('caps links per 1,000 words and in total', () => {
    const md = ['Caring for merino.', 'How to wash linen.', 'Organic cotton explained.', 'The Harbor Chore Jacket.', 'The Pine Ridge Merino Crew.'].join('\n\n');
    expect(suggest(md, {}, { per1000Words: 8 }).links).toHaveLength(1); // 17 words → ceil(0.136) = 1
    expect(suggest(md, {}, { per1000Words: 1000, maxLinks: 3 }).links).toHaveLength(3);
  });

  it('counts the links a draft already has: no second link to their page, their paragraph used', () => {
    const md = 'See [our washing notes](/journal/how-to-wash-linen/) on how to wash linen. Caring for merino too.\n\nCaring for merino, again.\n';
    const r = suggest(md, { required: ['/journal/how-to-wash-linen/'] }, { per1000Words: 1000 });
    expect(urls(r)).toEqual(['/journal/caring-for-merino/']);
    expect(r.links[0]?.start).toBe(md.lastIndexOf('Caring for merino'));
    expect(r.problems).toEqual([]);
  });

  it('never links the draft to itself', () => {
    const r = suggest('How to wash linen, step by step.\n', { selfUrl: '/journal/how-to-wash-linen/' });
    expect(urls(r)).not.toContain('/journal/how-to-wash-linen/');
  });

  it('links only pages of the same locale', () => {
    const fr = suggestLinks(index, { markdown: 'Avant tout, laver le lin à froid.\n', locale: 'fr-FR' }, options);
    expect(urls(fr)).toEqual(['/fr/journal/laver-le-lin/']);
    const en = suggestLinks(index, { markdown: 'Avant tout, laver le lin à froid.\n', locale: 'en-US' }, options);
    expect(urls(en)).toEqual([]);
  });

  it("always places the brief's links, even under the score threshold", () => {
    const md = 'Every Harbor Chore Jacket starts as a bolt of canvas.\n';
    const r = suggest(md, { required: ['/products/harbor-chore-jacket/'] }, { minScore: 1 });
    expect(r.links).toHaveLength(1);
    expect(r.links[0]).toMatchObject({ url: '/products/harbor-chore-jacket/', required: true, anchor: 'Harbor Chore Jacket' });
  });

  it("places a brief's link outside the inventory on its slug's words", () => {
    const r = suggest('Our linen pieces ship in July.\n', { required: ['/collections/linen'] });
    expect(r.links[0]).toMatchObject({ url: '/collections/linen', anchor: 'linen', required: true });
  });

  it("flags a brief's link that has no fitting anchor", () => {
    const r = suggest('Nothing here names the jacket.\n', { required: ['/products/pine-ridge-merino-crew/'] });
    expect(r.links).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ rule: 'links/no-anchor', url: '/products/pine-ridge-merino-crew/' })]);
  });

  it('never links a page dated after the draft, except upcoming events', () => {
    const dated = buildLinkIndex(
      [
        { url: '/journal/fall-linen/', title: 'Fall linen', description: '', headings: [], text: '', locale: 'en-US', kind: 'article', date: '2026-10-01' },
        { url: '/events/linen-fair/', title: 'Linen fair', description: '', headings: [], text: '', locale: 'en-US', kind: 'event', date: '2026-12-01' },
      ],
      index.options,
    );
    const md = 'Fall linen is coming, with more to say about fabric.\n\nSo is the Linen fair in town, and the harbor in between.\n';
    const at = (date: string) => suggestLinks(dated, { markdown: md, locale: 'en-US', date }, { ...options, per1000Words: 1000 }).links.map((l) => l.url).sort();
    expect(at('2026-11-24')).toEqual(['/events/linen-fair/', '/journal/fall-linen/']);
    expect(at('2026-09-01')).toEqual(['/events/linen-fair/']);
  });

  it('drops links under the score threshold', () => {
    const weak: Page[] = [{ url: '/shirts/', title: 'Shirts', description: '', headings: [], text: '', locale: 'en-US', kind: 'page' }];
    const many = buildLinkIndex([...weak, ...Array.from({ length: 50 }, (_, i) => ({ ...weak[0]!, url: `/p${i}/`, title: `Page ${i}`, text: 'shirts shirts' }))], index.options);
    const r = suggestLinks(many, { markdown: 'We make shirts.\n', locale: 'en-US' }, { ...options, minScore: 0.9 });
    expect(r.links).toEqual([]);
  });
});

describe('suggestLinks on code', () => {
  const pages: Page[] = [
    { url: '/methods/slug/', title: 'Slug', description: 'Returns the URL slug of the page.', headings: [], text: 'The Slug method returns the slug.', locale: 'en', kind: 'page' },
    { url: '/methods/summary/', title: 'Summary', description: 'Returns the summary of the page.', headings: [], text: 'The Summary method.', locale: 'en', kind: 'page' },
    { url: '/methods/paginate/', title: 'Paginate', description: 'Paginates a collection.', headings: [], text: 'Paginate pages.', locale: 'en', kind: 'page' },
    { url: '/methods/paginator/', title: 'Paginator', description: 'Paginates the section.', headings: [], text: 'Paginator pages.', locale: 'en', kind: 'page' },
    { url: '/shortcodes/instagram/', title: 'Instagram shortcode', description: 'Embeds a post.', headings: [], text: 'Instagram.', locale: 'en', kind: 'page' },
    { url: '/functions/partials/', title: 'Partials functions', description: 'Use partials.', headings: [], text: 'Partials.', locale: 'en', kind: 'page' },
    { url: '/functions/with/', title: 'with', description: 'Binds context to the given value.', headings: [], text: 'Rebinds the context.', locale: 'en', kind: 'page' },
    ...Array.from({ length: 30 }, (_, i): Page => ({ url: `/other/${i}/`, title: `Other page ${i}`, description: '', headings: [], text: 'front matter and templates', locale: 'en', kind: 'page' })),
  ];
  const docs = buildLinkIndex(pages, index.options);
  const run = (markdown: string) => suggestLinks(docs, { markdown, locale: 'en' }, { ...options, minScore: 0, per1000Words: 1000 }).links;

  it('takes a code span for a name only when written with the same case (code is case-sensitive)', () => {
    const links = run('Set `slug` in front matter.\n\nThen call `.Summary` in a template.\n');
    const slug = links.find((l) => l.url === '/methods/slug/');
    const summary = links.find((l) => l.url === '/methods/summary/');
    expect(summary?.reason).toMatchObject({ code: true, form: 1 });
    expect(slug?.reason.form ?? 0).toBe(0);
    expect(slug?.reason.score ?? 0).toBeLessThan(summary?.reason.score ?? 0);
  });

  it('tells names apart as written, not by stem: `Paginate` and `Paginator` each get their page', () => {
    const links = run('First try `Paginate` on the list.\n\nOr try `Paginator` on the section.\n');
    expect(links.map((l) => [l.anchor, l.url])).toEqual(expect.arrayContaining([['`Paginate`', '/methods/paginate/'], ['`Paginator`', '/methods/paginator/']]));
  });

  it('links a title made of function words only as a code span written exactly so', () => {
    expect(run('Rebind the context with care.\n').map((l) => l.url)).not.toContain('/functions/with/');
    expect(run('Rebind the context with `With`.\n').map((l) => l.url)).not.toContain('/functions/with/');
    expect(run('Rebind the context with `with`.\n').find((l) => l.url === '/functions/with/')?.anchor).toBe('`with`');
  });

  it('links a code span followed by its kind ("the `instagram` shortcode") on the code, when written as the title', () => {
    const links = run('The `instagram` shortcode embeds a post.\n\nThe `partial` function renders a template.\n');
    expect(links.find((l) => l.url === '/shortcodes/instagram/')?.anchor).toBe('`instagram`');
    expect(links.map((l) => l.url)).not.toContain('/functions/partials/');
  });
});

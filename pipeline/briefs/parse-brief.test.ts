import { describe, expect, it } from 'vitest';
import { parseBrief } from './parse-brief.ts';
import { findDuplicateBriefs } from './read-briefs.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const parse = (text: string | Uint8Array, maxBytes = 10_000) =>
  parseBrief({ file: 'briefs/x.md', bytes: typeof text === 'string' ? enc(text) : text, defaultId: 'shop/x', maxBytes });
const where = (text: string | Uint8Array, maxBytes?: number) =>
  parse(text, maxBytes).messages.map((m) => `${m.line}:${m.column} ${m.rule} ${m.message}`);

const ARTICLE = '---\ntype: article\ntitle: How to choose a linen shirt\nkeyword: linen shirt\nwords: 900\n---\n## Why linen\n- It breathes.\n';

describe('parseBrief', () => {
  it('accepts a valid article brief and derives id, slug and body position', () => {
    const { brief, messages } = parse(ARTICLE);
    expect(messages).toEqual([]);
    expect(brief).toMatchObject({ id: 'shop/x', slug: 'x', kind: 'article', bodyLine: 7, body: '## Why linen\n- It breathes.\n' });
    expect(brief?.data).toMatchObject({ title: 'How to choose a linen shirt', words: 900 });
  });

  it('points a YAML syntax error at the line in the file, not in the block', () => {
    expect(where('---\ntype: article\ntitle: a: b\nkeyword: linen\n---\nbody\n')).toEqual([
      '3:8 brief/yaml-syntax Nested mappings are not allowed in compact mappings (YAML BLOCK_AS_IMPLICIT_KEY)',
    ]);
    expect(where('---\ntype: article\n\ttitle: T\n---\n')).toEqual(['3:1 brief/yaml-syntax Tabs are not allowed as indentation (YAML TAB_AS_INDENT)']);
  });

  it('suggests the closest known key for an unknown one', () => {
    expect(where('---\ntype: article\ntitle: T\nkeyword: k\nwrods: 900\n---\nx\n')).toEqual([
      '5:1 brief/unknown-key Unknown key `wrods` in an article brief; did you mean `words`?',
    ]);
  });

  it('lists the expected keys when nothing is close', () => {
    const [m] = where('---\ntype: article\ntitle: T\nkeyword: k\nzzzzzzzz: 1\n---\nx\n');
    expect(m).toMatch(/^5:1 brief\/unknown-key Unknown key `zzzzzzzz` in an article brief; expected one of `type`, .*`words`/);
  });

  it('names a missing required key and a wrong value with what was expected', () => {
    expect(where('---\ntype: product\ntitle: Mug\nkeyword: mug\nprice: -3\ncurrency: usd\n---\nx\n')).toEqual([
      '1:1 brief/missing-key Missing required key `sku` in a product brief',
      '5:8 brief/invalid-value Expected `price` to be at least 0, got `-3`',
      '6:11 brief/invalid-value Expected `currency` to be a three-letter ISO 4217 code such as `USD`, got `"usd"`',
    ]);
  });

  it('rejects an unknown type at its value', () => {
    expect(where('---\ntype: blog\ntitle: T\n---\nx\n')).toEqual(['2:7 brief/invalid-type Expected `type` to be `article` or `product`, got `blog`']);
  });

  it('reports a duplicated key at the second occurrence', () => {
    expect(parse('---\ntype: article\ntitle: A\ntitle: B\nkeyword: k\n---\nx\n').messages[0]).toMatchObject({ rule: 'brief/duplicate-key', line: 4, column: 1 });
  });

  it('gives empty, binary, non-UTF-8 and oversized files their own errors', () => {
    expect(where('')).toEqual(['1:1 brief/empty File is empty; expected YAML front matter between `---` lines, then notes']);
    expect(where('  \n\n')[0]).toMatch(/brief\/empty/);
    expect(parse(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01])).messages[0]).toMatchObject({ rule: 'brief/binary', line: 2, column: 1 });
    const latin1 = new Uint8Array([...enc('---\ntype: article\ntitle: caf'), 0xe9, ...enc('\n---\n')]);
    expect(where(latin1)).toEqual(['3:11 brief/encoding Invalid UTF-8 byte 0xe9; expected a UTF-8 text file']);
    expect(where(ARTICLE, 20)[0]).toMatch(/^1:1 brief\/too-large File is \d+ bytes, expected at most 20 bytes/);
  });

  it('asks for front matter when there is none, or when it is never closed', () => {
    expect(where('# Just notes\n')[0]).toMatch(/^1:1 brief\/no-front-matter/);
    expect(where('---\ntype: article\ntitle: T\n')[0]).toMatch(/^1:1 brief\/unclosed-front-matter/);
  });

  it('accepts a UTF-8 BOM and CRLF line endings with the same positions', () => {
    const crlf = `\uFEFF${ARTICLE.replace('words: 900', 'wrods: 900').replace(/\n/g, '\r\n')}`;
    expect(where(crlf)).toEqual(['5:1 brief/unknown-key Unknown key `wrods` in an article brief; did you mean `words`?']);
    const ok = parse(`\uFEFF${ARTICLE.replace(/\n/g, '\r\n')}`);
    expect(ok.brief?.body).toBe('## Why linen\n- It breathes.\n');
  });

  it('refuses a slug that could leave the output folder', () => {
    const [m] = where('---\ntype: article\ntitle: T\nkeyword: k\nslug: ../../etc/passwd\n---\nx\n');
    expect(m).toMatch(/^5:7 brief\/invalid-value Expected `slug` to be lowercase words joined by hyphens/);
  });
});

describe('findDuplicateBriefs', () => {
  it('reports the second brief with the same id or slug, naming the first', () => {
    const a = parse(ARTICLE).brief;
    const b = parseBrief({ file: 'briefs/y.md', bytes: enc(ARTICLE.replace('type: article', 'type: article\nid: shop/x')), defaultId: 'shop/y', maxBytes: 1e4 }).brief;
    const c = parseBrief({ file: 'briefs/other/x.md', bytes: enc(ARTICLE), defaultId: 'other/x', maxBytes: 1e4 }).brief;
    if (!a || !b || !c) throw new Error('fixtures must parse');
    const { unique, duplicates } = findDuplicateBriefs([a, b, c]);
    expect(unique.map((x) => x.file)).toEqual(['briefs/x.md']);
    expect(duplicates.map((d) => `${d.file} ${d.rule} ${d.message}`)).toEqual([
      'briefs/y.md brief/duplicate-id Brief id `shop/x` is already used by briefs/x.md',
      'briefs/other/x.md brief/duplicate-slug Slug `x` is already used by briefs/x.md; set a different `slug`',
    ]);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_CONFIG } from './__fixtures__/stage/make-doc.ts';
import { seoCheckCommand } from './seo-check-command.ts';

const cwd = path.join(import.meta.dirname, '__fixtures__/check');

async function run(files: string[], json: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await seoCheckCommand(files, { json, config: TEST_CONFIG, cwd, stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out, err };
}

describe('seoCheckCommand', () => {
  it('passes a good draft with exit 0', async () => {
    const { code, err, out } = await run(['good-draft.md'], false);
    expect(out).toEqual([]);
    expect(err.at(-1)).toBe('0 problems and 0 ok in 1 file.');
    expect(code).toBe(0);
  });

  it('prints located problems like a linter and exits 1', async () => {
    const { code, err } = await run(['bad-draft.md'], false);
    expect(code).toBe(1);
    expect(err).toContain('bad-draft.md:3:1 problem The SEO title is 794 px wide; Google shows 600 px seo/title-width');
    expect(err).toContain('bad-draft.md:4:1 problem The meta description has 6 characters; use at least 120 seo/description-length');
    expect(err).toContain('bad-draft.md:5:1 problem The slug "Summer_Shirts" should be lowercase ASCII words joined by single hyphens seo/slug-format');
    // The title is in front matter, so the body's H1 is a second one.
    expect(err).toContain("bad-draft.md:8:1 problem The body has 1 H1 heading; the title is the page's only H1, use H2 seo/single-h1");
    expect(err).toContain('bad-draft.md:12:1 problem 1 image has no alt text: front.jpg seo/image-alt');
    expect(err.some((l) => l.startsWith('bad-draft.md:10:') && l.endsWith('seo/competing-links'))).toBe(true);
  });

  it('prints a JSON array of messages on stdout with --json', async () => {
    const { code, out, err } = await run(['good-draft.md', 'bad-draft.md'], true);
    expect(code).toBe(1);
    expect(err).toEqual([]);
    const messages = JSON.parse(out[0] ?? '[]') as Array<Record<string, unknown>>;
    expect(messages.every((m) => m.file === 'bad-draft.md')).toBe(true);
    expect(messages[0]).toEqual({ file: 'bad-draft.md', line: 3, column: 1, rule: 'seo/title-width', severity: 'warning', message: 'The SEO title is 794 px wide; Google shows 600 px' });
  });

  it('reports broken front matter as a problem at line 1', async () => {
    const { code, err } = await run(['broken-front-matter.md'], false);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^broken-front-matter\.md:1:1 problem The front matter is not valid YAML: .+ seo\/front-matter$/);
  });

  it('reports an unreadable file and exits 2, still checking the others', async () => {
    const { code, err } = await run(['missing.md', 'good-draft.md'], false);
    expect(code).toBe(2);
    expect(err[0]).toBe('missing.md: cannot read the file (ENOENT)');
    expect(err).toContain('good-draft.md: 19 of 19 SEO checks good');
  });
});

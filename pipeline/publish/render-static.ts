/** Renders a draft as a static-site Markdown file: front matter in the configured dialect, then the body. */
import { stringify } from 'yaml';
import type { Dialect } from '../config/schema.ts';
import type { DraftDoc } from '../document.ts';
import { summarizeStages } from '../stage-summary.ts';

export type StaticMeta = {
  readonly runId: string;
  /** Date of the first draft (kept across redrafts), `YYYY-MM-DD`. */
  readonly date: string;
};

/** Front-matter fields in DESIGN.md order (Hugo names), before the dialect renames any. */
export function staticFrontMatter(doc: DraftDoc, meta: StaticMeta): Record<string, unknown> {
  const { job } = doc;
  const fields = doc.fields;
  const copydesk: Record<string, unknown> = { brief: job.id, hash: job.hash, run: meta.runId, model: doc.model };
  const { voice, seo, links } = summarizeStages(doc);
  if (voice) copydesk.voice = voice;
  if (seo) copydesk.seo = seo;
  if (links) copydesk.links = links.length;
  const front: Record<string, unknown> = {
    title: doc.title,
    ...(fields.seo_title === undefined ? {} : { seo_title: fields.seo_title }),
    description: fields.description ?? doc.description,
    slug: job.brief.slug,
    ...(fields.keyphrase === undefined ? { keyphrase: job.brief.data.keyword } : { keyphrase: fields.keyphrase }),
    tags: [...doc.tags],
    date: meta.date,
    draft: true,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in front) && value !== undefined) front[key] = value;
  }
  front.review = doc.flags.map((f) => ({ rule: f.rule, message: f.message, ...(f.line === undefined ? {} : { line: f.line, column: f.column ?? 1 }) }));
  front.copydesk = copydesk;
  return front;
}

/** Renames fields for the generator: Hugo is the default layout; Astro and Eleventy differ. */
export function applyDialect(front: Record<string, unknown>, dialect: Dialect): Record<string, unknown> {
  if (dialect === 'hugo') return front;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(front)) {
    if (dialect === 'astro' && key === 'date') out.pubDate = value;
    else if (dialect === 'eleventy' && key === 'slug') out.permalink = `/${String(value)}/`;
    else out[key] = value;
  }
  // Eleventy has no built-in drafts: keep the page out of collections as well as marking it.
  if (dialect === 'eleventy') out.eleventyExcludeFromCollections = true;
  return out;
}

/** The whole file: `---` YAML `---` then the Markdown body. */
export function renderStaticDraft(doc: DraftDoc, meta: StaticMeta, dialect: Dialect): string {
  const front = applyDialect(staticFrontMatter(doc, meta), dialect);
  const yaml = stringify(front, { lineWidth: 0 }).trimEnd();
  const markdown = doc.markdown.endsWith('\n') ? doc.markdown : `${doc.markdown}\n`;
  return `---\n${yaml}\n---\n\n${markdown}${faqSection(doc.fields.faq)}`;
}

/** A FAQ from the SEO stage is shown on the page too (search engines want FAQPage text visible). */
function faqSection(faq: unknown): string {
  if (!Array.isArray(faq) || faq.length === 0) return '';
  const items = faq.filter((f): f is { question: string; answer: string } => typeof f?.question === 'string' && typeof f?.answer === 'string');
  if (items.length === 0) return '';
  return `\n## Frequently asked questions\n\n${items.map((f) => `### ${f.question}\n\n${f.answer}\n`).join('\n')}`;
}

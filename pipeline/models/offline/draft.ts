/**
 * The offline drafter: composes a usable, structured draft from the brief alone (outline headings,
 * facts, specs, audience, CTA). It never adds a number that is not in the brief.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findInstructions } from '../../gate/index.ts';
import type { DraftAnswer, DraftInput } from '../../stages/draft-answer.ts';
import type { ModelRequest } from '../types.ts';

type Section = { depth: number; heading: string; facts: string[] };

/**
 * Sentences in notes that steer the writer rather than state facts (`Avoid: …`, `Say so plainly`)
 * are left out. Imperatives meant for the reader ("Wash cold") are facts and stay.
 */
const INSTRUCTION = /^(avoid|don'?t|do not|note|todo|never|say|explain|mention|include|cover|describe|emphasi[sz]e|stress|focus on|make sure|remember to|talk about|write|keep it|tell)\b/i;

const CURRENCY_SYMBOL: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', CAD: 'CA$', AUD: 'A$', JPY: '¥' };

/** Offline handler for `draft-article` and `draft-product`. */
export function offlineDraft(request: ModelRequest): { text: string; json: DraftAnswer } {
  const input = request.input as DraftInput;
  const answer = input.kind === 'product' ? draftProduct(input) : draftArticle(input);
  return { text: JSON.stringify(answer), json: answer };
}

function draftArticle(input: DraftInput): DraftAnswer {
  const { data } = input;
  const { intro, sections } = readOutline(input.body);
  const names = sections.filter((s) => s.depth === 2).map((s) => lowerFirst(s.heading));
  const blocks: string[] = [];
  const opening = [`${upperFirst(data.keyword)}: ${lowerFirst(data.title)}.`];
  if (data.audience) opening.push(`This guide is for ${data.audience}.`);
  if (names.length > 0) opening.push(`It covers ${joinWords(names)}.`);
  opening.push(...intro);
  blocks.push(opening.join(' '));
  for (const section of sections) {
    blocks.push(`${'#'.repeat(section.depth)} ${section.heading}`);
    if (section.facts.length > 0) blocks.push(...paragraphs(section.facts));
  }
  if (data.cta) blocks.push(`${sentence(data.cta)}`);
  return {
    title: data.title,
    summary: summaryOf(data.title, data.audience, names),
    tags: [...(data.tags ?? defaultTags(data.keyword))],
    body_markdown: `${blocks.join('\n\n')}\n`,
  };
}

function draftProduct(input: DraftInput): DraftAnswer {
  const { data } = input;
  if (data.type !== 'product') throw new TypeError('draftProduct needs a product brief');
  const { intro, sections } = readOutline(input.body);
  const maker = data.vendor ?? input.brand;
  const kind = data.product_type ? ` ${lowerFirst(data.product_type)}` : '';
  const opening = [`The ${data.title} is one of ${maker}'s${kind}.`];
  opening.push(`If you are looking for a ${data.keyword}${data.audience ? ` for ${data.audience}` : ''}, here is what it is made of, how it fits and how to look after it.`);
  opening.push(...intro);
  const blocks = [opening.join(' '), `**Price:** ${formatPrice(data.price, data.currency)} · **SKU:** ${data.sku}`];
  for (const section of sections) {
    blocks.push(`${'#'.repeat(section.depth)} ${section.heading}`);
    if (section.facts.length > 0) blocks.push(section.facts.map((f) => `- ${sentence(f)}`).join('\n'));
  }
  if (data.cta) blocks.push(sentence(data.cta));
  const names = sections.filter((s) => s.depth === 2).map((s) => lowerFirst(s.heading));
  return {
    title: data.title,
    summary: `The ${data.title} from ${maker}: ${joinWords(names.length > 0 ? names : [lowerFirst(data.keyword)])}.`,
    tags: [...(data.tags ?? defaultTags(data.keyword))],
    body_markdown: `${blocks.join('\n\n')}\n`,
    image_alts: (data.images ?? []).map((_, i) => `${data.title}, photo ${ordinalWord(i)}`),
  };
}

/** Reads the brief's notes: facts before the first heading, then one section per heading. */
function readOutline(body: string): { intro: string[]; sections: Section[] } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  const intro: string[] = [];
  const sections: Section[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const heading = node as Heading;
      sections.push({ depth: Math.min(Math.max(heading.depth, 2), 4), heading: toString(heading).trim(), facts: [] });
      continue;
    }
    const facts = factsOf(node).filter((f) => !INSTRUCTION.test(f) && findInstructions(f).length === 0);
    const last = sections.at(-1);
    if (last) last.facts.push(...facts);
    else intro.push(...facts.map(sentence));
  }
  return { intro, sections };
}

function factsOf(node: RootContent): string[] {
  if (node.type === 'list') return (node as List).children.flatMap((item: ListItem) => splitFact(toString(item)));
  if (node.type === 'paragraph' || node.type === 'blockquote') return splitFact(toString(node as Paragraph));
  return [];
}

/** A bullet may hold several statements (`;` or sentences): keep them as separate sentences. */
function splitFact(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/;\s+|(?<=[.!?])\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function paragraphs(facts: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < facts.length; i += 3) out.push(facts.slice(i, i + 3).map(sentence).join(' '));
  return out;
}

function sentence(text: string): string {
  const t = upperFirst(text.trim());
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

function summaryOf(title: string, audience: string | undefined, names: readonly string[]): string {
  const about = names.length > 0 ? `: ${joinWords(names)}` : '';
  return `${title}${audience ? `, for ${audience}` : ''}${about}.`;
}

function formatPrice(price: number, currency: string): string {
  const amount = price.toFixed(2);
  const symbol = CURRENCY_SYMBOL[currency];
  return symbol ? `${symbol}${amount} ${currency}` : `${amount} ${currency}`;
}

function defaultTags(keyword: string): string[] {
  return keyword.toLowerCase().split(/\s+/).filter((w) => w.length > 2);
}

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function ordinalWord(index: number): string {
  return ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][index] ?? 'more';
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  // Keep acronyms and proper names ("GSM", "Harbor & Pine") as written.
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

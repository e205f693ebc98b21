/**
 * Brief text that tries to instruct the model instead of describing the content: prompt injection
 * ("ignore previous instructions", "you are now"), requests to publish or go live, to add links
 * to outside sites, or to reveal keys. Patterns are anchored on what an instruction needs (an
 * object like "instructions" or "the above", an imperative position) so that ordinary notes such
 * as "Ignore the hype; focus on fit" or "the collection goes live in March" pass.
 */
import type { Brief } from '../briefs/schema.ts';
import type { LocatedMessage } from '../messages.ts';

export const RULE_BRIEF_INSTRUCTION = 'review/brief-instruction';

type Pattern = { readonly what: string; readonly re: RegExp };

const W = String.raw`\s+`;
/** Up to `n` words, for "add (a few short) links". */
const gap = (n: number): string => String.raw`(?:\s+\S+){0,${n}}?`;
/** Start of a sentence, a line or a clause, or after "please", "and", "then", "you must", …: where a command stands. */
const IMPERATIVE = String.raw`(?:^|(?<=[.!?:;>\-*•(]\s*)|(?<=\n\s*)|(?<=\b(?:please|and|then|also|just|now|you\s+(?:must|should|will|need\s+to|have\s+to)|make\s+sure\s+to|be\s+sure\s+to)\s+))`;
const THING = String.raw`(?:it|this|them|(?:the|this|our)\s+(?:draft|post|article|page|piece|product|entry|listing|copy))`;
const PRIOR = String.raw`(?:all\s+)?(?:(?:the|your|any|of\s+the)\s+)?(?:previous|prior|above|earlier|preceding|foregoing|original|initial|system|other|existing|old)`;
const DIRECTIVES = String.raw`(?:instructions?|prompts?|rules|directions|directives|guidelines|guidance|messages?|context|constraints|commands|orders|policies|polic(?:y|ies)|programming)`;

const PATTERNS: readonly Pattern[] = [
  { what: 'override of earlier instructions', re: new RegExp(String.raw`\b(?:ignore|disregard|forget|override|overrule|bypass|skip|drop|discard)${W}${PRIOR}${gap(2)}${W}${DIRECTIVES}\b`, 'giu') },
  { what: 'override of earlier instructions', re: new RegExp(String.raw`\b(?:ignore|disregard|forget)${W}(?:all|everything)${gap(2)}${W}(?:above|before|earlier|previously|so\s+far|you\s+(?:were|have\s+been)\s+told)\b`, 'giu') },
  { what: 'override of earlier instructions', re: new RegExp(String.raw`\b(?:disregard|ignore|forget)${W}(?:the|everything|all)${W}(?:above|preceding|foregoing)\b`, 'giu') },
  { what: 'override of earlier instructions', re: new RegExp(String.raw`\b(?:ignore|disregard|forget|override)${W}(?:all\s+)?(?:of\s+)?(?:your|the\s+brand|the\s+system)${W}${DIRECTIVES}\b`, 'giu') },
  { what: 'new instructions for the model', re: /\bnew\s+(?:system\s+)?instructions?\s*:/giu },
  { what: 'a change of role', re: /\byou\s+are\s+now\s+(?!part\b|a\s+part\b|ready\b|able\b|set\b|done\b|one\s+of\b|in\s+good\b)(?:an?\s|the\s|in\s|no\s+longer|free|unrestricted|unfiltered|jailbroken|acting|operating|my\s|dan\b)/giu },
  { what: 'a change of role', re: /\bfrom\s+now\s+on,?\s+(?:you|the\s+(?:model|assistant|ai))\s+(?:are|will|must|should|shall)\b/giu },
  { what: 'a change of role', re: /\b(?:pretend\s+(?:to\s+be|you\s+are|that\s+you)|act\s+as\s+if\s+you|role-?play\s+as|jailbreak|developer\s+mode|dan\s+mode|do\s+anything\s+now)\b/giu },
  { what: 'a request to reveal secrets', re: new RegExp(String.raw`\b(?:reveal|print|show|output|share|tell\s+(?:me|us)|repeat|leak|send|include|list|write\s+out|dump|display|return)${gap(3)}\s+(?:(?:the|your|any|all)\s+)?(?:api\s+keys?|secret\s+keys?|passwords?|(?:access|api|auth)\s+tokens?|(?:api|login|admin)\s+credentials|environment\s+variables|env\s+vars|\.env\b|system\s+prompt|(?:your|the\s+(?:hidden|original|system))\s+(?:instructions|prompt))`, 'giu') },
  { what: 'a request to reveal secrets', re: /\b[A-Z][A-Z0-9]*_(?:API_KEY|TOKEN|SECRET)\b|\bprocess\.env\b/gu },
  { what: 'a reference to the system prompt', re: /\b(?:system\s+prompt|system\s+message|developer\s+message|hidden\s+instructions|initial\s+prompt)\b|<\/?\s*(?:system|instructions?)\s*>|\[\s*(?:system|inst)\s*\]|^\s*(?:system|assistant)\s*:/gimu },
  { what: 'a request to publish', re: new RegExp(String.raw`${IMPERATIVE}(?:publish|post)(?:${W}${THING})?${W}(?:now|immediately|right\s+away|directly|straight\s+away|live|today|without\s+review)\b`, 'giu') },
  { what: 'a request to publish', re: new RegExp(String.raw`${IMPERATIVE}publish${W}${THING}\b`, 'giu') },
  { what: 'a request to go live', re: new RegExp(String.raw`${IMPERATIVE}(?:go|push\s+(?:it|this)|take\s+(?:it|this))${W}live(?:${W}(?:now|immediately|right\s+away|today))?\b`, 'giu') },
  { what: 'a request to go live', re: /\b(?:make|mark|set|flag|switch|turn)\s+(?:it|this|them|the\s+(?:draft|post|article|page|product|entry|listing))\s+(?:as\s+)?(?:live|active|published|public|visible)\b/giu },
  { what: 'a request to change the publishing status', re: /\b(?:set|change|update|switch)\s+(?:the\s+)?(?:product\s+|entry\s+)?status\s+(?:to\s+)?["'`]?(?:active|published|live|public)\b|\bstatus\s*[:=]\s*["'`]?(?:active|published|live)\b|\bis_?published\s*[:=]?\s*["'`]?true\b/giu },
  { what: 'a request to skip review', re: /\b(?:skip|bypass|avoid|without)\s+(?:the\s+|any\s+|editorial\s+|human\s+)*review\b|\b(?:do\s+not|don't|never)\s+(?:save|keep|leave|mark)\s+(?:it|this)?\s*(?:as\s+)?(?:a\s+)?draft\b/giu },
  { what: 'a request to add outside links', re: new RegExp(String.raw`\b(?:add|include|insert|embed|place|put|drop)${gap(4)}\s+(?:links?|urls?|backlinks?|hyperlinks?|anchors?)${gap(4)}\s+(?:to|for|pointing\s+(?:to|at)|at)\s+(?:https?:\/\/|www\.|(?:[\p{L}\p{N}-]+\.)+(?:com|net|org|io|co|biz|info|xyz|ru|cn|top|shop|store)\b|(?:an?\s+)?(?:external|outside|third-party|partner|affiliate|sponsor(?:ed)?|other)\s+(?:sites?|websites?|pages?|domains?|shops?))`, 'giu') },
  { what: 'a request to add outside links', re: /\bbacklinks?\s+(?:to|for)\b/giu },
];

/** One instruction found in a text, with its offset. */
export type FoundInstruction = { readonly start: number; readonly end: number; readonly text: string; readonly what: string };

/** Invisible characters that can split a phrase so that it escapes a plain search. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/gu;

/** The text without invisible characters, and for each of its offsets the offset in `text`. */
function stripInvisible(text: string): { visible: string; origin: number[] } {
  const origin: number[] = [];
  let visible = '';
  let at = 0;
  for (const m of text.matchAll(INVISIBLE)) {
    for (let i = at; i < m.index; i += 1) origin.push(i);
    visible += text.slice(at, m.index);
    at = m.index + m[0].length;
  }
  for (let i = at; i <= text.length; i += 1) origin.push(i);
  return { visible: visible + text.slice(at), origin };
}

/** Finds instruction-like phrases in `text`, in order, one per place (offsets into `text`). */
export function findInstructions(text: string): FoundInstruction[] {
  const { visible, origin } = stripInvisible(text);
  return findInVisible(visible).map((f) => ({ ...f, start: origin[f.start] ?? f.start, end: origin[f.end] ?? f.end }));
}

function findInVisible(text: string): FoundInstruction[] {
  const found: FoundInstruction[] = [];
  for (const { what, re } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      // Earlier patterns are more specific: one place gets one message.
      if (!found.some((f) => start < f.end && end > f.start)) found.push({ start, end, text: m[0].trim(), what });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/**
 * Scans a brief's body and front-matter strings for text that tries to instruct the model.
 * Body hits carry their line and column in the brief file (the body starts at `brief.bodyLine`);
 * front-matter hits name their key and point at its line (`brief.keyLines`, else line 1), column 1.
 */
export function scanBriefForInstructions(brief: Brief): LocatedMessage[] {
  const messages: LocatedMessage[] = [];
  const report = (line: number, column: number, hit: FoundInstruction, where: string): void => {
    messages.push({
      file: brief.file,
      line,
      column,
      rule: RULE_BRIEF_INSTRUCTION,
      severity: 'warning',
      message: `Brief text reads as an instruction to the model (${hit.what})${where}: “${quote(hit.text)}”; check that the draft does not follow it`,
    });
  };
  for (const [key, value] of Object.entries(brief.data)) {
    const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    const line = brief.keyLines?.[key] ?? 1;
    for (const s of strings) for (const hit of findInstructions(s)) report(line, 1, hit, ` in front matter \`${key}\``);
  }
  for (const hit of findInstructions(brief.body)) {
    const { line, column } = positionOf(brief.body, hit.start);
    report(brief.bodyLine + line - 1, column, hit, '');
  }
  return messages;
}

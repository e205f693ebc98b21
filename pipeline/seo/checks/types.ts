/** What every SEO check returns. */
import type { Severity } from '../../messages.ts';
import type { Place } from '../text/analyse-markdown.ts';

/** Yoast's traffic lights: green, orange, red. */
export type Grade = 'good' | 'ok' | 'problem';

export type MetadataField = 'seo_title' | 'description' | 'slug' | 'images';

export type CheckScope = 'metadata' | 'body' | 'links';

/** One check's result: rule id, grade, message, and where it points. */
export type SeoCheck = {
  /** Rule id, e.g. `seo/title-width`. */
  readonly rule: string;
  readonly scope: CheckScope;
  readonly grade: Grade;
  readonly message: string;
  /** The metadata field the check judges, for metadata checks. */
  readonly field?: MetadataField;
  /** Where in the body the check points (the first offending place). */
  readonly place?: Place;
  /** Every offending place, when there are several (paragraphs, sentences, images). */
  readonly places?: readonly Place[];
};

/** Maps a grade to a message severity: problems are warnings, ok is a suggestion. */
export function severityOfGrade(grade: Grade): Severity | undefined {
  if (grade === 'problem') return 'warning';
  if (grade === 'ok') return 'suggestion';
  return undefined;
}

/** Builds a check result; leaves out absent optional fields (exactOptionalPropertyTypes). */
export function makeCheck(
  rule: string,
  scope: CheckScope,
  grade: Grade,
  message: string,
  extra: { field?: MetadataField; places?: readonly Place[] } = {},
): SeoCheck {
  const first = extra.places?.[0];
  return {
    rule,
    scope,
    grade,
    message,
    ...(extra.field ? { field: extra.field } : {}),
    ...(first ? { place: first } : {}),
    ...(extra.places && extra.places.length > 1 ? { places: extra.places } : {}),
  };
}

/** Formats a percentage for messages: `2.35%`. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

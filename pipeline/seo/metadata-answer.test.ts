import { describe, expect, it } from 'vitest';
import { SEO_METADATA_JSON_SCHEMA, seoMetadataAnswerSchema } from './metadata-answer.ts';

/** Every object schema inside a JSON schema, with its path. */
function objectsIn(schema: unknown, path = '$'): Array<[string, Record<string, unknown>]> {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const own: Array<[string, Record<string, unknown>]> = node.type === 'object' ? [[path, node]] : [];
  const children = Object.entries(node).flatMap(([key, value]) => objectsIn(value, `${path}.${key}`));
  return [...own, ...children];
}

describe('the seo-metadata answer schema', () => {
  it('is closed everywhere, requires every property and has no bounds', () => {
    for (const [path, node] of objectsIn(SEO_METADATA_JSON_SCHEMA)) {
      expect(node.additionalProperties, path).toBe(false);
      expect([...(node.required as string[])].sort(), path).toEqual(Object.keys(node.properties as object).sort());
    }
    expect(JSON.stringify(SEO_METADATA_JSON_SCHEMA)).not.toMatch(/min|max|pattern|format/i);
  });

  it('validates answers with zod and rejects extra keys', () => {
    const answer = { seo_title: 't', description: 'd', slug: 's', excerpt: 'e', tags: [], image_alts: [{ src: 'a.jpg', alt: 'A' }], faq: [] };
    expect(seoMetadataAnswerSchema.safeParse(answer).success).toBe(true);
    expect(seoMetadataAnswerSchema.safeParse({ ...answer, price: 1 }).success).toBe(false);
    expect(seoMetadataAnswerSchema.safeParse({ ...answer, image_alts: [{ src: 'a.jpg' }] }).success).toBe(false);
  });
});

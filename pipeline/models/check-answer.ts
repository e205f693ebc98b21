/** Pure checks of a model's answer: structured JSON against the request's own schema, bounds included. */
import { z } from 'zod';
import type { JsonSchema, ModelRequest } from './types.ts';

export type StructuredCheck =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string };

const validators = new Map<string, z.ZodType>();

/** The zod validator for a JSON schema, built once per distinct schema. */
function validatorFor(schema: JsonSchema): z.ZodType {
  const key = JSON.stringify(schema);
  let validator = validators.get(key);
  if (!validator) {
    validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    validators.set(key, validator);
  }
  return validator;
}

/**
 * Parses a structured answer and validates it against the original schema, including the length and
 * numeric bounds the API cannot enforce (the SDK helper moved them into descriptions).
 */
export function checkStructuredAnswer(text: string, schema: JsonSchema): StructuredCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the answer is not valid JSON (${(error as Error).message})` };
  }
  const result = validatorFor(schema).safeParse(parsed);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `\`${issue.path.join('.') || '(root)'}\`: ${issue.message}`)
    .join('; ');
  return { ok: false, reason: `the answer does not match the schema: ${issues}` };
}

/** The follow-up that asks the model to fix a broken structured answer (a new user turn, never a prefill). */
export function buildRepairRequest(request: ModelRequest, answerText: string, reason: string): ModelRequest {
  return {
    ...request,
    messages: [
      ...request.messages,
      { role: 'assistant', content: answerText || '(empty answer)' },
      {
        role: 'user',
        content: `Your previous answer cannot be used: ${reason}. Reply again with only the corrected JSON object that matches the schema, and nothing else.`,
      },
    ],
  };
}


/** Vale's YAML rule format, validated at the boundary. Unknown keys are tolerated and ignored. */
import { z } from 'zod';

const stringList = z.union([z.string(), z.array(z.union([z.string(), z.number()]).transform(String))]).transform((v) => (typeof v === 'string' ? [v] : v));
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const EXTENSION_POINTS = [
  'existence',
  'substitution',
  'occurrence',
  'repetition',
  'consistency',
  'conditional',
  'capitalization',
  'readability',
  'metric',
  'spelling',
  'sequence',
  'script',
] as const;

const UNSUPPORTED = new Set(['spelling', 'sequence', 'script']);

export const SUPPORTED_EXTENSION_POINTS: ReadonlySet<string> = new Set(EXTENSION_POINTS.filter((p) => !UNSUPPORTED.has(p)));

export const ruleDefinitionSchema = z.looseObject({
  extends: z.enum(EXTENSION_POINTS),
  message: z.string(),
  level: z.enum(['suggestion', 'warning', 'error']).optional(),
  scope: stringList.optional(),
  link: z.string().optional(),
  description: z.string().optional(),
  limit: z.number().int().nonnegative().optional(),
  action: z.looseObject({ name: z.string(), params: z.array(scalar).optional() }).optional(),
  ignorecase: z.boolean().optional(),
  nonword: z.boolean().optional(),
  vocab: z.boolean().optional(),
  append: z.boolean().optional(),
  capitalize: z.boolean().optional(),
  exceptions: z.array(scalar).optional(),
  tokens: z.array(z.union([scalar, z.null()]).transform((v) => v ?? '')).optional(),
  raw: z.array(scalar).optional(),
  swap: z.record(z.string(), scalar).optional(),
  token: z.string().optional(),
  max: z.number().optional(),
  min: z.number().optional(),
  alpha: z.boolean().optional(),
  either: z.record(z.string(), scalar).optional(),
  first: z.string().optional(),
  second: z.string().optional(),
  match: z.string().optional(),
  style: z.string().optional(),
  indicators: z.array(scalar).optional(),
  threshold: z.number().optional(),
  prefix: z.string().optional(),
  metrics: z.array(z.string()).optional(),
  grade: z.number().optional(),
  formula: z.string().optional(),
  condition: z.string().optional(),
});

export type RuleDefinition = z.infer<typeof ruleDefinitionSchema>;

// zod schema → the JSON-schema subset node-llama-cpp turns into a grammar. Constraints a grammar
// cannot express (minimum, pattern...) are dropped here and enforced by zod on the result, which
// is validated in every case anyway: a grammar guarantees JSON syntax, not sense.
import { z } from 'zod';

const KEEP = new Set(['type', 'description', 'minLength', 'maxLength', 'minItems', 'maxItems', 'required', 'additionalProperties', 'minProperties', 'maxProperties', '$ref']);
const FORMATS = new Set(['date-time', 'date', 'time']);

type Json = Record<string, unknown>;

function clean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(clean);
  if (!node || typeof node !== 'object') return node;
  const n = node as Json;
  // An enum or const stands alone: node-llama-cpp reads the value list, not the type beside it.
  if ('const' in n) return { const: n.const };
  if ('enum' in n) return { enum: n.enum };
  const out: Json = {};
  for (const [k, v] of Object.entries(n)) {
    if (KEEP.has(k)) out[k] = k === 'additionalProperties' && typeof v === 'object' ? clean(v) : v;
    else if (k === 'format' && typeof v === 'string' && FORMATS.has(v)) out.format = v;
    else if (k === 'properties' || k === '$defs') out[k] = Object.fromEntries(Object.entries(v as Json).map(([pk, pv]) => [pk, clean(pv)]));
    else if (k === 'items' || k === 'prefixItems') out[k] = clean(v);
    else if (k === 'anyOf' || k === 'oneOf') out.oneOf = clean(v);
  }
  return out;
}

export function toGrammarSchema(schema: z.ZodType): object {
  const json = z.toJSONSchema(schema, { unrepresentable: 'throw' }) as Json;
  return clean(json) as object;
}

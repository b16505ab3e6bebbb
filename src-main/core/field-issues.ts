// Bad input named field by field, as codes: zod's issues (all of them, not just the first) become
// {field, code, params}, so a form can show every wrong field at once in the person's language.
// A schema that knows a more precise code puts it on its issue (see problemIssue).
import type { z } from 'zod';
import { isProblem, type FieldIssue, type Problem } from '../shared/problems';

/** The `params` of a custom zod issue that carries its own problem code. */
export const problemIssue = (problem: Problem) => ({ problem });

/** One zod issue as a problem code: what zod says in general words, or the schema's own code. */
function asProblem(issue: z.core.$ZodIssue): Problem {
  switch (issue.code) {
    case 'custom':
      return isProblem(issue.params?.problem) ? issue.params.problem : { code: 'invalid', params: {} };
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { code: 'required', params: {} } : { code: 'too_short', params: { min: Number(issue.minimum) } };
      return { code: 'invalid', params: {} };
    case 'too_big':
      return issue.origin === 'string' ? { code: 'too_long', params: { max: Number(issue.maximum) } } : { code: 'too_large', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return issue.input === undefined ? { code: 'required', params: {} } : { code: 'invalid', params: {} };
    case 'invalid_value':
      return { code: 'not_allowed', params: {} };
    default:
      return { code: 'invalid', params: {} };
  }
}

/** Every issue of a zod error, each with the field path it belongs to ('data.email'). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  // The path zod found the issue at wins over any field a schema's own problem names.
  return error.issues.map((issue) => ({ ...asProblem(issue), field: issue.path.map(String).join('.') }));
}

import type { z } from 'zod';
import { validationError, type FieldIssue } from './errors.js';

/** `['transfers', 0, 'country']` → `transfers[0].country` */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: fieldPath(i.path), message: i.message }));
}

/** Validates input at the boundary; a failure becomes a field-level `validation` error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(zodIssues(result.error), what);
  return result.data;
}

import type { z } from 'zod';
import { issue, validationError, type FieldIssue, type MessageParams, type Subject } from './errors.js';

/** `['transfers', 0, 'country']` → `transfers[0].country` */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** What a zod issue says, as a catalogue key (`errors.*`) and parameters: the same for every schema. */
export function issueText(issue: z.core.$ZodIssue): { key: string; params?: FieldIssue['params'] } {
  const i = issue as z.core.$ZodIssue & {
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    expected?: string;
    format?: string;
    pattern?: string;
    keys?: string[];
  };
  switch (i.code) {
    case 'invalid_type':
      if (i.message === 'is required' || /received (undefined|null)/.test(i.message)) return { key: 'errors.required' };
      return { key: ['string', 'number', 'boolean', 'array', 'object'].includes(String(i.expected)) ? `errors.type.${i.expected}` : 'errors.invalid' };
    case 'too_small':
      if (i.origin === 'string' && Number(i.minimum) <= 1) return { key: 'errors.required' };
      return { key: 'errors.tooSmall', params: { minimum: Number(i.minimum) } };
    case 'too_big':
      return { key: i.origin === 'string' ? 'errors.tooLong' : i.origin === 'array' ? 'errors.tooMany' : 'errors.tooBig', params: { maximum: Number(i.maximum) } };
    case 'invalid_value': {
      // The value refused and the accepted ones (codes), when the input was kept (`reportInput`) and is short.
      const input = (i as { input?: unknown }).input;
      const values = (i as { values?: unknown[] }).values ?? [];
      if ((typeof input === 'string' || typeof input === 'number') && String(input).length <= 100 && values.length && values.length <= 40)
        return { key: 'errors.notKnownValue', params: { value: String(input), options: values.join(', ') } };
      return { key: 'errors.notKnown' };
    }
    case 'invalid_format': {
      const pattern = String(i.pattern ?? '');
      if (i.format === 'email') return { key: 'errors.format.email' };
      if (pattern.includes('[A-Z]{2}')) return { key: 'errors.format.country' };
      if (pattern.startsWith('/^P')) return { key: 'errors.format.duration' };
      if (pattern.includes('\\d{4}-')) return { key: 'errors.format.date' };
      return { key: 'errors.format' };
    }
    case 'custom': {
      // A refinement names its text: `.refine(fn, { error, params: { key: 'errors.…', …parameters } })`.
      const { key, ...params } = (i as { params?: { key?: unknown } & MessageParams }).params ?? {};
      if (typeof key !== 'string') return { key: 'errors.invalid' };
      return Object.keys(params).length ? { key, params: params as MessageParams } : { key };
    }
    case 'unrecognized_keys':
      return { key: 'errors.unknownFields', params: { keys: (i.keys ?? []).join(', ') } };
    default:
      return { key: 'errors.invalid' };
  }
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const { key, params } = issueText(i);
    return issue(fieldPath(i.path), key, params);
  });
}

/** Validates input at the boundary; a failure becomes a field-level `validation` error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: Subject): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw validationError(zodIssues(result.error), what);
  return result.data;
}

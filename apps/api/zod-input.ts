import type { z } from 'zod';
import { ApiError } from './api-error';

/** Validates one input at the edge; a failure is a 400 listing each field's problem. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join(' ');
  throw new ApiError('validation', `Ogiltig ${what}. ${summary}`, issues);
}

import type { z } from 'zod';
import { ApiError } from './api-error';

/** Validates one input at the edge; a failure is a 400 listing each field's problem. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(result.error.issues, what);
}

/** The 400 for a value that failed its schema: each field's problem, and all of them in one sentence. */
export function validationError(zodIssues: readonly z.core.$ZodIssue[], what: string): ApiError {
  const issues = zodIssues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join(' ');
  return new ApiError('validation', `Ogiltig ${what}. ${summary}`, issues);
}

import type { NextFunction, Request, Response } from 'express';

/**
 * A known API path asked with a method it does not have answers 405 with `Allow`, as
 * HTTP asks, rather than 404. The paths and methods are the OpenAPI document's own.
 */
export function methodNotAllowed(paths: Record<string, Record<string, unknown>>) {
  const routes = Object.entries(paths).map(([template, operations]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    methods: Object.keys(operations).map((method) => method.toUpperCase()),
  }));
  return (request: Request, response: Response, next: NextFunction): void => {
    const route = routes.find((candidate) => candidate.pattern.test(request.path));
    const allowed = route ? [...route.methods, ...(route.methods.includes('GET') ? ['HEAD'] : [])] : [];
    if (!route || allowed.includes(request.method) || request.method === 'OPTIONS') return next();
    response
      .status(405)
      .setHeader('Allow', allowed.join(', '))
      .json({ error: 'method-not-allowed', message: `Metoden ${request.method} finns inte här. Tillåtna: ${allowed.join(', ')}.` });
  };
}

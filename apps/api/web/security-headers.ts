import type { NextFunction, Request, Response } from 'express';

const PAGE_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

// Swagger UI runs inline script and style; it gets its own, looser policy.
const DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

/**
 * Headers on every answer. No referrer: a party's page address is its key, and must not
 * travel to the sites its attachments and minutes link to.
 */
export function securityHeaders(options: { https: boolean }) {
  return (request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('Content-Security-Policy', request.path.startsWith('/api/docs') ? DOCS_POLICY : PAGE_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (options.https) response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (request.path.startsWith('/svar') || request.path.startsWith('/arenden') || request.path === '/logga-in' || request.path.startsWith('/kontakter')) {
      response.setHeader('Cache-Control', 'no-store');
    }
    next();
  };
}

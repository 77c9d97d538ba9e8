import type { NextFunction, Request, Response } from 'express';
import { errorPage } from './error.view';

/**
 * A fixed-window limit per client address, in this process's memory: enough to slow
 * guessing at sign-in and at party links. Behind several API instances each counts alone.
 */
export function rateLimit(options: { limit: number; windowMs: number; methods?: readonly string[] }) {
  const windows = new Map<string, { start: number; count: number }>();
  return (request: Request, response: Response, next: NextFunction): void => {
    if (options.methods && !options.methods.includes(request.method)) return next();
    const now = Date.now();
    const key = request.ip ?? 'unknown';
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
      if (windows.size > 10_000) {
        for (const [address, old] of windows) if (now - old.start >= options.windowMs) windows.delete(address);
      }
    }
    window.count += 1;
    if (window.count > options.limit) {
      response.setHeader('Retry-After', String(Math.ceil((window.start + options.windowMs - now) / 1000)));
      response.status(429).type('html').send(errorPage(429, 'För många försök på kort tid. Vänta en stund och försök igen.'));
      return;
    }
    next();
  };
}

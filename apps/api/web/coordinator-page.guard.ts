import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { CoordinatorSession } from '../../../libs/persistence';
import { ApiError } from '../api-error';
import { CoordinatorSessionService } from './coordinator-session.service';

/** Thrown when a coordinator page is asked for without a session: the filter sends to sign-in. */
export class SignInRequiredError extends Error {
  constructor(readonly returnTo: string) {
    super('sign-in required');
  }
}

/** A request with the session it was found to carry, once looked up (by the upload middleware, or here). */
export type RequestWithSession = Request & { coordinatorSession?: CoordinatorSession };

/** Coordinator pages need a session; every form they post carries the session's CSRF token. */
@Injectable()
export class CoordinatorPageGuard implements CanActivate {
  constructor(private readonly sessions: CoordinatorSessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithSession>();
    const session = request.coordinatorSession ?? (await this.sessions.current(request));
    if (!session) throw new SignInRequiredError(request.method === 'GET' ? request.originalUrl : '/oversikt');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof sent !== 'string' || !sameText(sent, session.csrfToken)) {
        throw new ApiError('forbidden', 'Formuläret har gått ut. Ladda om sidan och försök igen.');
      }
    }
    request.coordinatorSession = session;
    return true;
  }
}

export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CoordinatorSession =>
    (context.switchToHttp().getRequest<RequestWithSession>().coordinatorSession as CoordinatorSession),
);

export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiError } from './api-error';
import { CallerIdentifier } from './caller';

/** Coordinator calls carry `Authorization: Bearer <OVERENS_ADMIN_TOKEN>`; a party's link is not enough. */
@Injectable()
export class CoordinatorGuard implements CanActivate {
  constructor(private readonly callers: CallerIdentifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const caller = await this.callers.identify(context.switchToHttp().getRequest<Request>().headers.authorization);
    if (!caller) throw new ApiError('unauthorized', 'Saknad eller ogiltig token: skicka Authorization: Bearer <token>.');
    if (caller.kind !== 'coordinator') throw new ApiError('forbidden', 'En parts länk räcker inte för det här anropet.');
    return true;
  }
}

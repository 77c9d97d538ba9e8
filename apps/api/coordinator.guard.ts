import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ApiConfig } from './api-config';
import { ApiError } from './api-error';

/** Coordinator calls carry `Authorization: Bearer <OVERENS_ADMIN_TOKEN>`. */
@Injectable()
export class CoordinatorGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(config: ApiConfig) {
    this.expected = digest(config.adminToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // Compare digests: equal length, constant time, whatever was sent.
    if (!match || !timingSafeEqual(digest(match[1]), this.expected)) {
      throw new ApiError('unauthorized', 'Saknad eller ogiltig token: skicka Authorization: Bearer <token>.');
    }
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

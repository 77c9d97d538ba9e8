import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { CoordinatorRepository, type CoordinatorSession } from '../../../libs/persistence';
import { ApiConfig } from '../api-config';
import { SecurityLog } from '../security-log';
import { readCookie } from './cookies';
import { hashPassword, needsRehash, verifyPassword } from './password';

export const SESSION_COOKIE = 'overens_session';
const FAILED_SIGN_IN_LIMIT = 5;
const LOCK_MS = 15 * 60 * 1000;

export type SignInResult = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly reason: 'invalid' | 'locked' };

/** Coordinator sign-in: scrypt passwords, lockout after repeated failures, server-side sessions. */
@Injectable()
export class CoordinatorSessionService {
  // Compared against when the e-mail is unknown, so that both cases take as long. Made at
  // the first such sign-in: a hash costs 128 MiB and a noticeable moment.
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly coordinators: CoordinatorRepository,
    private readonly config: ApiConfig,
    private readonly securityLog: SecurityLog,
  ) {}

  async signIn(email: string, password: string): Promise<SignInResult> {
    const coordinator = await this.coordinators.findByEmail(email);
    if (!coordinator) {
      this.decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(password, await this.decoyHash);
      this.securityLog.record('sign-in-refused', { reason: 'unknown-account', email: email.slice(0, 200) });
      return { ok: false, reason: 'invalid' };
    }
    if (coordinator.lockedUntil && coordinator.lockedUntil > new Date()) {
      this.securityLog.record('sign-in-refused', { reason: 'locked', account: coordinator.id });
      return { ok: false, reason: 'locked' };
    }
    if (!(await verifyPassword(password, coordinator.passwordHash))) {
      await this.coordinators.recordFailedSignIn(coordinator.id, FAILED_SIGN_IN_LIMIT, LOCK_MS);
      this.securityLog.record('sign-in-refused', { reason: 'wrong-password', account: coordinator.id });
      return { ok: false, reason: 'invalid' };
    }
    await this.coordinators.clearFailedSignIns(coordinator.id);
    if (needsRehash(coordinator.passwordHash)) {
      await this.coordinators.replacePasswordHash(coordinator.id, await hashPassword(password));
      this.securityLog.record('password-rehashed', { account: coordinator.id });
    }
    this.securityLog.record('signed-in', { account: coordinator.id });
    return { ok: true, token: await this.startSession(coordinator.id) };
  }

  /** A new session for an account whose holder has been proven (a password, or the identity provider); its token for the cookie. */
  async startSession(coordinatorId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.coordinators.createSession(hashToken(token), coordinatorId, csrfToken, new Date(Date.now() + this.config.sessionIdleMs));
    return token;
  }

  async current(request: Request): Promise<CoordinatorSession | undefined> {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!token) return undefined;
    return this.coordinators.touchSession(hashToken(token), this.config.sessionIdleMs);
  }

  async signOut(request: Request): Promise<void> {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token) await this.coordinators.deleteSession(hashToken(token));
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

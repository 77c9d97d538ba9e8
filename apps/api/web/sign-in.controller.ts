import { Body, Controller, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ApiConfig } from '../api-config';
import { CoordinatorPageGuard, sameText } from './coordinator-page.guard';
import { CoordinatorSessionService, SESSION_COOKIE } from './coordinator-session.service';
import { cookie, readCookie } from './cookies';
import { fieldErrorsFrom, formValues } from './form-fields';
import { signInPage } from './sign-in.view';
import { OidcSignIn } from './oidc-sign-in.service';
import { UseGuards } from '@nestjs/common';

// Before there is a session, the sign-in form is protected by a double-submit cookie.
const SIGN_IN_CSRF_COOKIE = 'overens_signin';

const signInSchema = z.object({
  email: z.string({ error: 'Ange din e-postadress.' }).email('Ange en giltig e-postadress.'),
  password: z.string({ error: 'Ange ditt lösenord.' }).min(1, 'Ange ditt lösenord.'),
});

/** Only local paths: a sign-in never sends anyone off to another site. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/oversikt';
}

@Controller()
export class SignInController {
  constructor(
    private readonly sessions: CoordinatorSessionService,
    private readonly config: ApiConfig,
    private readonly oidc: OidcSignIn,
  ) {}

  @Get('logga-in')
  @Header('Content-Type', 'text/html; charset=utf-8')
  form(@Query('tillbaka') returnTo: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): string {
    const csrfToken = readCookie(request.headers.cookie, SIGN_IN_CSRF_COOKIE) ?? randomBytes(24).toString('base64url');
    response.append('Set-Cookie', cookie(SIGN_IN_CSRF_COOKIE, csrfToken, { secure: this.config.secureCookies }));
    return signInPage({ csrfToken, returnTo: safeReturnTo(returnTo), organisation: this.config.names.organisation, ...this.providerName() });
  }

  @Post('logga-in')
  async signIn(@Body() body: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const values = formValues(body);
    const returnTo = safeReturnTo(values.tillbaka);
    const csrfCookie = readCookie(request.headers.cookie, SIGN_IN_CSRF_COOKIE);
    const csrfToken = csrfCookie ?? randomBytes(24).toString('base64url');
    const fail = (status: number, errors: Record<string, string>) => {
      response.append('Set-Cookie', cookie(SIGN_IN_CSRF_COOKIE, csrfToken, { secure: this.config.secureCookies }));
      response.status(status).type('html').send(signInPage({ csrfToken, returnTo, email: values.email, errors, organisation: this.config.names.organisation, ...this.providerName() }));
    };
    if (!csrfCookie || !values._csrf || !sameText(values._csrf, csrfCookie)) {
      return fail(403, { _form: 'Formuläret har gått ut. Försök igen.' });
    }
    const parsed = signInSchema.safeParse(values);
    if (!parsed.success) return fail(400, fieldErrorsFrom(parsed.error.issues));
    const result = await this.sessions.signIn(parsed.data.email, parsed.data.password);
    if (!result.ok) {
      return fail(result.reason === 'locked' ? 429 : 401, {
        _form:
          result.reason === 'locked'
            ? 'För många misslyckade försök. Kontot är spärrat i 15 minuter.'
            : 'Fel e-postadress eller lösenord.',
      });
    }
    response.append(
      'Set-Cookie',
      cookie(SESSION_COOKIE, result.token, { secure: this.config.secureCookies, maxAgeSeconds: Math.floor(this.config.sessionIdleMs / 1000) }),
    );
    response.redirect(303, returnTo);
  }

  private providerName(): { identityProvider?: string } {
    return this.oidc.providerName ? { identityProvider: this.oidc.providerName } : {};
  }

  @Post('logga-ut')
  @UseGuards(CoordinatorPageGuard)
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.sessions.signOut(request);
    response.append('Set-Cookie', cookie(SESSION_COOKIE, '', { secure: this.config.secureCookies, maxAgeSeconds: 0 }));
    response.redirect(303, '/');
  }
}

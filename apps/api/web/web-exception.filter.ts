import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { HTTP_STATUS } from '../api-error';
import { logServerSide, toApiError } from '../api-exception.filter';
import { SignInRequiredError } from './coordinator-page.guard';
import { errorPage } from './error.view';

/**
 * Errors on the pages: a coordinator page without a session goes to sign-in and back;
 * anything else is a Swedish page with the same status and message the JSON API gives.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('web');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof SignInRequiredError) {
      response.redirect(303, `/logga-in?tillbaka=${encodeURIComponent(exception.returnTo)}`);
      return;
    }
    const error = toApiError(exception);
    logServerSide(this.logger, error, exception);
    const status = HTTP_STATUS[error.code];
    response.status(status).type('html').send(errorPage(status, error.message));
  }
}

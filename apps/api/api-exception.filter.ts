import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { Response } from 'express';
import { DomainError, isDomainErrorCode } from '../../libs/domain';
import { ApiError, HTTP_STATUS, type ApiErrorCode } from './api-error';

/** Every error leaves the JSON API as `{ error, message }` with the contract's status; nothing internal leaks. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('api');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const error = toApiError(exception);
    logServerSide(this.logger, error, exception);
    response.status(HTTP_STATUS[error.code]).json({ error: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) });
  }
}

/** What the server must hear of: its own faults in full, the services it waits on briefly. */
export function logServerSide(logger: Logger, error: ApiError, exception: unknown): void {
  if (error.code === 'internal') logger.error(exception);
  if (error.code === 'unavailable') logger.warn(`${error.message} (${describe(exception)})`);
}

/** Any error as the contract's error: domain refusals, Temporal's answers, HTTP and parser errors. */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof ApiError) return exception;
  if (exception instanceof DomainError) return new ApiError(exception.code, exception.message);
  if (exception instanceof WorkflowUpdateFailedError) {
    const cause = exception.cause;
    if (cause instanceof ApplicationFailure && isDomainErrorCode(cause.type)) {
      return new ApiError(cause.type, cause.message);
    }
    // The server's own refusal of an update a workflow task ended without taking (seen when
    // the Temporal server restarts under way): nothing was recorded, and the same key may try again.
    if (cause instanceof ApplicationFailure && cause.type === UNPROCESSED_UPDATE) return updateNotTaken();
    return new ApiError('internal', 'Steget kunde inte registreras.');
  }
  if (exception instanceof WorkflowNotFoundError) return new ApiError('not-found', 'Ärendet finns inte.');
  if (exception instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return updateNotTaken();
  if (exception instanceof ServiceError) {
    return new ApiError('unavailable', 'Processmotorn svarar inte just nu. Försök igen om en stund.');
  }
  if (exception instanceof HttpException) return fromStatus(exception.getStatus());
  const bodyParserStatus = clientErrorStatus(exception);
  if (bodyParserStatus) return fromStatus(bodyParserStatus);
  if (isDatabaseUnavailable(exception)) {
    return new ApiError('unavailable', 'Databasen svarar inte just nu. Försök igen om en stund.');
  }
  return new ApiError('internal', 'Något gick fel på servern.');
}

/** The failure type Temporal's server gives an update that a completed workflow task did not process. */
const UNPROCESSED_UPDATE = 'UnprocessedUpdate';

function updateNotTaken(): ApiError {
  return new ApiError('unavailable', 'Ärendet kunde inte uppdateras i tid. Försök igen med samma Idempotency-Key; steget registreras bara en gång.');
}

/** Express's body parser throws plain errors carrying a 4xx `status` (bad JSON, too large). */
function clientErrorStatus(exception: unknown): number | undefined {
  const status = (exception as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function fromStatus(status: number): ApiError {
  const byStatus: Record<number, [ApiErrorCode, string]> = {
    400: ['validation', 'Begäran kunde inte läsas: kontrollera att kroppen är giltig JSON.'],
    401: ['unauthorized', 'Inloggning krävs.'],
    403: ['forbidden', 'Åtkomst nekad.'],
    404: ['not-found', 'Sidan eller resursen finns inte.'],
    405: ['not-found', 'Metoden finns inte för den här adressen.'],
    413: ['payload-too-large', 'Begäran är för stor.'],
    415: ['validation', 'Skicka kroppen som application/json.'],
  };
  const known = byStatus[status];
  if (known) return new ApiError(known[0], known[1]);
  if (status >= 400 && status < 500) return new ApiError('validation', 'Begäran kunde inte behandlas.');
  return new ApiError('internal', 'Något gick fel på servern.');
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}

/**
 * pg's own errors for a connection lost or never made carry no code: the socket closed
 * in a query's middle ("Connection terminated unexpectedly", as when the server stops
 * between a query's send and its answer), or the pool waited in vain for a connection.
 */
const LOST_CONNECTION = /^(Connection terminated|timeout exceeded when trying to connect)/;

function isDatabaseUnavailable(exception: unknown): boolean {
  const { code, message } = (exception ?? {}) as { code?: unknown; message?: unknown };
  if (typeof message === 'string' && LOST_CONNECTION.test(message)) return true;
  return (
    typeof code === 'string' &&
    (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001'].includes(code) ||
      code.startsWith('08'))
  );
}

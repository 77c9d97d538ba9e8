import { ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request } from 'express';
import { ApiExceptionFilter } from './api-exception.filter';
import { WebExceptionFilter } from './web/web-exception.filter';

/** `/api` answers its errors as JSON, every other path as a page: also where no route matched. */
@Catch()
export class ErrorsByPathFilter implements ExceptionFilter {
  private readonly api = new ApiExceptionFilter();
  private readonly web = new WebExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const path = host.switchToHttp().getRequest<Request>().path;
    (path === '/api' || path.startsWith('/api/') ? this.api : this.web).catch(exception, host);
  }
}

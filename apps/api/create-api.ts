import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorsByPathFilter } from './errors-by-path.filter';
import { AppModule, type ApiDependencies } from './app.module';
import { ApiMetrics } from './metrics';
import { JsonLogger, requestLog } from './request-log';
import { methodNotAllowed } from './method-not-allowed';
import { buildOpenApiDocument } from './openapi';
import { rateLimit } from './web/rate-limit';
import { securityHeaders } from './web/security-headers';
import { uploadForms, type MayUpload } from './web/upload-forms';
import { CaseLinks } from '../../libs/links/case-links';
import { tokenFromLinkPath } from '../../libs/links/party-link';
import { CoordinatorSessionService } from './web/coordinator-session.service';
import type { RequestWithSession } from './web/coordinator-page.guard';

/** Who may send the pages' forms with files: a party's genuine link for its page, a signed-in coordinator for the others. */
function mayUploadOn(app: NestExpressApplication): MayUpload {
  const links = app.get(CaseLinks);
  const sessions = app.get(CoordinatorSessionService);
  return async (request) => {
    const party = /^\/svar\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(request.path);
    if (party) return typeof (await links.verifyCase(tokenFromLinkPath(party[1], party[2], party[3]))) !== 'string';
    // Kept on the request: the page's guard then need not look the session up again.
    const session = await sessions.current(request);
    if (session) (request as RequestWithSession).coordinatorSession = session;
    return session !== undefined;
  };
}

/** The API as a Nest application, not yet listening. */
export async function createApi(dependencies: ApiDependencies): Promise<NestExpressApplication> {
  const logger = new JsonLogger(dependencies.logSink);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(dependencies), { logger });
  app.useLogger({ log: () => undefined, error: logger.error.bind(logger), warn: logger.warn.bind(logger) });
  app.disable('x-powered-by');
  // Behind a reverse proxy the client's address is in X-Forwarded-For: believed only from the proxies configured.
  app.set('trust proxy', dependencies.config.trustProxy);
  const openApi = buildOpenApiDocument();
  app.use(requestLog(dependencies.logSink));
  app.use(app.get(ApiMetrics).middleware());
  app.use(securityHeaders({ https: dependencies.config.secureCookies }));
  app.use(methodNotAllowed(openApi.paths as Record<string, Record<string, unknown>>));
  app.use('/logga-in', rateLimit({ limit: 20, windowMs: 60_000, methods: ['POST'] }));
  // Each start of a sign-in through the identity provider costs it a round trip, and each return a token request.
  app.use('/logga-in/oidc', rateLimit({ limit: 30, windowMs: 60_000 }));
  // One count for a client across the parties' pages: per case and the overview.
  const partyPages = rateLimit({ limit: dependencies.config.partyPageLimitPerMinute, windowMs: 60_000 });
  app.use('/svar', partyPages);
  app.use('/part', partyPages);
  app.use(uploadForms(dependencies.config.files.maxBytes, mayUploadOn(app)));
  app.useBodyParser('json', { limit: '100kb' });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: true, parameterLimit: 1000 });
  app.useGlobalFilters(new ErrorsByPathFilter());
  SwaggerModule.setup('api/docs', app, openApi as unknown as OpenAPIObject, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Överens API',
  });
  return app;
}

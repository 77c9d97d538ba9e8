import 'reflect-metadata';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { API_CONTROLLERS } from '../../apps/api/app.module';
import { buildOpenApiDocument } from '../../apps/api/openapi';
import { STEP_ROUTES } from '../../libs/contract';

/**
 * Every route the API serves under /api (and /health) is in the OpenAPI text, and every documented path
 * is served: read from the controllers' own route metadata, with the one route that
 * serves every kind of step expanded through the table it dispatches on.
 */
function servedApiRoutes(): string[] {
  const routes: string[] = [];
  for (const controller of API_CONTROLLERS) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler: unknown = Reflect.get(controller.prototype, name);
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const full = `/${[base, path].filter((part) => part && part !== '/').join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '');
      if (!full.startsWith('/api/') && !full.startsWith('/health/') && full !== '/metrics') continue;
      routes.push(...expandStepRoute(`${RequestMethod[method].toLowerCase()} ${full}`));
    }
  }
  return routes.sort();
}

/** The step routes serve what the table lists, and nothing else. */
function expandStepRoute(route: string): string[] {
  if (route === 'post /api/cases/:id/:step') {
    return STEP_ROUTES.filter((step) => !step.partyInPath).map((step) => `post /api/cases/:id/${step.path}`);
  }
  if (route === 'post /api/cases/:id/parties/:party/:step') {
    return STEP_ROUTES.filter((step) => step.partyInPath).map((step) => `post /api/cases/:id/${step.path.replace('{party}', ':party')}`);
  }
  return [route];
}

function documentedRoutes(): string[] {
  const paths = buildOpenApiDocument().paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
    .sort();
}

it('documents every route the API serves, and serves every documented one', () => {
  const served = servedApiRoutes();
  expect(served.length).toBeGreaterThan(10);
  expect(documentedRoutes()).toEqual(served);
});

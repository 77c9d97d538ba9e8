import { z } from 'zod';
import {
  STEP_ROUTES,
  caseListViewSchema,
  caseViewSchema,
  contactListViewSchema,
  costSharesViewSchema,
  createCaseSchema,
  dashboardViewSchema,
  errorViewSchema,
  fileView,
  listCasesQuerySchema,
  dashboardQuerySchema,
  partyContactsViewSchema,
  groupInputSchema,
  groupViewSchema,
  partyId,
  partyCasesViewSchema,
  partyInputSchema,
  partyLinkViewSchema,
  registerPartyViewSchema,
  replaceContactsSchema,
} from '../../libs/contract';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const arrayOf = (ref: string) => ({ 'application/json': { schema: { type: 'array', items: { $ref: `#/components/schemas/${ref}` } } } });
const errorResponse = (description: string) => ({ description, content: json('Error') });
const caseId = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'The same key sent again returns the first answer and changes nothing.',
  schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
};
const partyParameter = { name: 'party', in: 'path', required: true, schema: schemaOf(partyId, 'input') };
const partyStep = [caseId, partyParameter, idempotencyKey];
const coordinatorErrors = { '400': errorResponse('Malformed body or query.'), '401': errorResponse('No or bad token.') };
const stepErrors = {
  ...coordinatorErrors,
  '404': errorResponse('No such case.'),
  '409': errorResponse('The step does not fit the case now.'),
  '503': errorResponse('The process engine or database is unavailable; retry with the same key.'),
};

function queryParameters(schema: z.ZodObject): object[] {
  const properties = (schemaOf(schema, 'input').properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: false, schema: property }));
}

/** Every kind of step's path, from the same table the routes are served from. */
function stepPaths(): Record<string, object> {
  return Object.fromEntries(
    STEP_ROUTES.map((route) => [
      `/api/cases/{id}/${route.path}`,
      {
        post: {
          summary: route.summary,
          security: [{ coordinator: [] }, ...(route.takenBy === 'coordinator-or-party' ? [{ partyLink: [] }] : [])],
          parameters: route.partyInPath ? partyStep : [caseId, idempotencyKey],
          requestBody: { required: !route.bodyOptional, content: json(route.schemaName) },
          responses: {
            '200': { description: 'The case after the step.', content: json('Case') },
            ...stepErrors,
            ...(route.takenBy === 'coordinator-or-party' ? { '403': errorResponse("A party's link used for another party or case.") } : {}),
          },
        },
      },
    ]),
  );
}

/** The contract as OpenAPI 3.1, written from the same zod schemas that validate requests. */
export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Överens API',
      version: '1',
      description: 'Joint decisions between the parties of a register (a region and its municipalities). Contract version 2.',
    },
    components: {
      securitySchemes: {
        coordinator: { type: 'http', scheme: 'bearer' },
        partyLink: { type: 'http', scheme: 'bearer', description: "A party's own link as a token: v1.<case>.<party>.<expiry>.<signature>." },
        partyOverview: { type: 'http', scheme: 'bearer', description: "A party's overview link as a token: p1.<party>.<expiry>.<signature>." },
      },
      schemas: {
        CreateCase: schemaOf(createCaseSchema, 'input'),
        ...Object.fromEntries(STEP_ROUTES.map((route) => [route.schemaName, schemaOf(route.schema, 'input')])),
        Case: schemaOf(caseViewSchema, 'output'),
        CaseList: schemaOf(caseListViewSchema, 'output'),
        Dashboard: schemaOf(dashboardViewSchema, 'output'),
        Party: schemaOf(registerPartyViewSchema, 'output'),
        PartyInput: schemaOf(partyInputSchema, 'input'),
        Group: schemaOf(groupViewSchema, 'output'),
        CostShares: schemaOf(costSharesViewSchema, 'output'),
        PartyCases: schemaOf(partyCasesViewSchema, 'output'),
        PartyOverviewLink: schemaOf(partyLinkViewSchema, 'output'),
        GroupInput: schemaOf(groupInputSchema, 'input'),
        Error: schemaOf(errorViewSchema, 'output'),
        File: schemaOf(fileView, 'output'),
        Health: {
          type: 'object',
          required: ['status'],
          properties: {
            status: { enum: ['ok', 'unavailable'] },
            checks: {
              type: 'object',
              properties: { database: { enum: ['ok', 'unavailable'] }, temporal: { enum: ['ok', 'unavailable'] } },
            },
          },
        },
        PartyLink: { type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri' } } },
        ReplaceContacts: schemaOf(replaceContactsSchema, 'input'),
        PartyContacts: schemaOf(partyContactsViewSchema, 'output'),
        ContactList: schemaOf(contactListViewSchema, 'output'),
      },
    },
    paths: {
      '/api/parties': {
        get: {
          summary: "The register's active parties",
          responses: {
            '200': { description: "Every active party, in the register's order.", content: arrayOf('Party') },
          },
        },
      },
      '/api/parties/{party}': {
        put: {
          summary: 'Add a party to the register, or change one (a retired party comes back)',
          security: [{ coordinator: [] }],
          parameters: [partyParameter],
          requestBody: { required: true, content: json('PartyInput') },
          responses: {
            '200': { description: 'The party, changed.', content: json('Party') },
            '201': { description: 'The party, added.', content: json('Party') },
            ...coordinatorErrors,
          },
        },
        delete: {
          summary: 'Retire a party: it stays on every case it was part of and is offered for no new one',
          security: [{ coordinator: [] }],
          parameters: [partyParameter],
          responses: {
            '204': { description: 'Retired.' },
            '400': errorResponse('The id is not a slug.'),
            '401': coordinatorErrors['401'],
            '404': errorResponse('No such party.'),
            '409': errorResponse('An open case still waits on the party.'),
          },
        },
      },
      '/api/parties/{party}/link': {
        get: {
          summary: "A party's own overview link: every case that waits on it, answerable from there",
          security: [{ coordinator: [] }],
          parameters: [partyParameter],
          responses: {
            '200': { description: 'The link and when it expires.', content: json('PartyOverviewLink') },
            '401': coordinatorErrors['401'],
            '403': errorResponse("A party's link is not enough."),
            '404': errorResponse('No such party.'),
          },
        },
      },
      '/api/parties/{party}/links/revoke': {
        post: {
          summary: 'Void every link issued to the party until now, overview and per-case',
          security: [{ coordinator: [] }],
          parameters: [partyParameter],
          responses: {
            '204': { description: 'Revoked: old links answer 403; new ones are signed from now on.' },
            '401': coordinatorErrors['401'],
            '403': errorResponse("A party's link is not enough."),
            '404': errorResponse('No such party.'),
          },
        },
      },
      '/api/parties/{party}/cases': {
        get: {
          summary: "The party's open cases, overdue first",
          security: [{ coordinator: [] }, { partyOverview: [] }],
          parameters: [partyParameter],
          responses: {
            '200': { description: 'Every open case waiting on the party.', content: json('PartyCases') },
            '401': coordinatorErrors['401'],
            '403': errorResponse('An overview link of another party.'),
            '404': errorResponse('No such party.'),
          },
        },
      },
      '/api/groups': {
        get: {
          summary: 'The groups of parties',
          security: [{ coordinator: [] }],
          responses: { '200': { description: 'Every group, by name.', content: arrayOf('Group') }, '401': coordinatorErrors['401'] },
        },
      },
      '/api/groups/{group}': {
        put: {
          summary: 'Add or replace a group of parties',
          security: [{ coordinator: [] }],
          parameters: [{ name: 'group', in: 'path', required: true, schema: schemaOf(partyId, 'input') }],
          requestBody: { required: true, content: json('GroupInput') },
          responses: {
            '200': { description: 'The group, replaced.', content: json('Group') },
            '201': { description: 'The group, added.', content: json('Group') },
            ...coordinatorErrors,
          },
        },
      },
      '/api/cases': {
        post: {
          summary: 'Start a case once the network has approved a proposal',
          security: [{ coordinator: [] }],
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json('CreateCase') },
          responses: {
            '201': { description: 'The new case, in its first stage.', content: json('Case') },
            ...coordinatorErrors,
            '404': errorResponse('The case named in extendsCase does not exist.'),
            '503': stepErrors['503'],
          },
        },
        get: {
          summary: 'List cases',
          security: [{ coordinator: [] }],
          parameters: queryParameters(listCasesQuerySchema),
          responses: { '200': { description: 'A page of cases and the total.', content: json('CaseList') }, ...coordinatorErrors },
        },
      },
      '/api/cases/{id}': {
        get: {
          summary: 'One case',
          security: [{ coordinator: [] }],
          parameters: [caseId],
          responses: { '200': { description: 'The case.', content: json('Case') }, '401': coordinatorErrors['401'], '404': stepErrors['404'] },
        },
      },
      ...stepPaths(),
      '/api/cases/{id}/cost-shares': {
        get: {
          summary: "Each party's share of the case's cost over the parties still in (whole kronor, largest remainder)",
          security: [{ coordinator: [] }],
          parameters: [caseId],
          responses: {
            '200': { description: 'The shares.', content: json('CostShares') },
            '401': coordinatorErrors['401'],
            '404': errorResponse('No such case.'),
            '409': errorResponse('The key cannot be applied: a population figure missing from the register, or no party left.'),
          },
        },
      },
      '/api/cases/{id}/archive': {
        get: {
          summary: 'A closed case as an archive package: an E-ARK SIP in one zip (METS with SHA-256 of every file, Dublin Core, PREMIS, the case, answers and history as JSON with their schemas, the case record as PDF)',
          security: [{ coordinator: [] }],
          parameters: [caseId],
          responses: {
            '200': { description: 'The package.', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } },
            '401': coordinatorErrors['401'],
            '404': errorResponse('No such case.'),
            '409': errorResponse('The case is not closed yet.'),
          },
        },
      },
      '/api/cases/{id}/parties/{party}/link': {
        get: {
          summary: "A party's own signed link to its response page for the case",
          security: [{ coordinator: [] }],
          parameters: [caseId, partyParameter],
          responses: {
            '200': { description: 'The link.', content: json('PartyLink') },
            '401': coordinatorErrors['401'],
            '403': errorResponse("A party's link is not enough."),
            '404': errorResponse('No such case, or the party is not part of it.'),
          },
        },
      },
      '/api/files': {
        post: {
          summary: 'Upload a file (an attachment, or a party\'s minutes excerpt) to name by its id in a step: PDF, Word, Excel, OpenDocument, PNG, JPEG or text, checked by content',
          security: [{ coordinator: [] }, { partyLink: [] }],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  additionalProperties: false,
                  properties: { file: { type: 'string', format: 'binary', description: 'The file, with its name.' } },
                },
              },
            },
          },
          responses: {
            '201': { description: 'The stored file: name, type, size and SHA-256.', content: json('File') },
            ...coordinatorErrors,
            '403': errorResponse('An overview link is not enough: use the case link.'),
            '413': errorResponse('The file is larger than the limit (OVERENS_FILE_MAX_MEGABYTES).'),
            '415': errorResponse('Not multipart/form-data, or a kind of file not taken, or content that does not match the name.'),
            '422': errorResponse('The virus-scan hook found the file infected.'),
            '503': errorResponse('The file store or the virus-scan hook is unavailable.'),
          },
        },
      },
      '/api/files/{id}': {
        get: {
          summary: 'An uploaded file as stored (its SHA-256 checked): the coordinator any, a party those of its cases',
          security: [{ coordinator: [] }, { partyLink: [] }, { partyOverview: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            '200': { description: 'The file, as an attachment download, with the media type it was stored with.', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
            '401': coordinatorErrors['401'],
            '404': errorResponse('No such file, or none this caller may see.'),
            '503': errorResponse('The file store is unavailable, or the stored file no longer matches its checksum.'),
          },
        },
      },
      '/api/contacts': {
        get: {
          summary: "The parties' contacts: who gets the reminders",
          security: [{ coordinator: [] }],
          responses: {
            '200': { description: 'Every active party with its addresses.', content: json('ContactList') },
            '401': coordinatorErrors['401'],
            '403': errorResponse("A party's link is not enough."),
          },
        },
      },
      '/api/contacts/{party}': {
        put: {
          summary: "Replace a party's contact addresses",
          security: [{ coordinator: [] }],
          parameters: [partyParameter],
          requestBody: { required: true, content: json('ReplaceContacts') },
          responses: {
            '200': { description: "The party's addresses now.", content: json('PartyContacts') },
            ...coordinatorErrors,
            '403': errorResponse("A party's link is not enough."),
            '404': errorResponse('No such party.'),
          },
        },
      },
      '/health/live': {
        get: { summary: 'Live while the process runs', responses: { '200': { description: 'Running.', content: json('Health') } } },
      },
      '/health/ready': {
        get: {
          summary: 'Ready while PostgreSQL and Temporal answer; the failing check named otherwise',
          responses: {
            '200': { description: 'Ready.', content: json('Health') },
            '503': { description: 'Not ready: the check that failed is named.', content: json('Health') },
          },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics: HTTP requests by route and status, cases by stage, answers awaited per party',
          responses: { '200': { description: 'The Prometheus text format.', content: { 'text/plain': { schema: { type: 'string' } } } } },
        },
      },
      '/api/dashboard': {
        get: {
          summary: 'Who blocks what',
          security: [{ coordinator: [] }],
          parameters: queryParameters(dashboardQuerySchema),
          responses: { '200': { description: 'Counts per stage, a page of the waiting cases with their totals, waits per party.', content: json('Dashboard') }, ...coordinatorErrors },
        },
      },
    },
  };
}

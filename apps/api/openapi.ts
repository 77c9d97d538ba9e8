import { z } from 'zod';
import {
  caseListViewSchema,
  caseViewSchema,
  contactListViewSchema,
  councilOutcomeSchema,
  createCaseSchema,
  dashboardViewSchema,
  decisionSchema,
  errorViewSchema,
  listCasesQuerySchema,
  networkOutcomeSchema,
  partyContactsViewSchema,
  partyId,
  partyViewSchema,
  appealSchema,
  deadlineSchema,
  followUpSchema,
  postingSchema,
  reminderSchema,
  revisionSchema,
  terminationSchema,
  replaceContactsSchema,
} from '../../libs/contract';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
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

/** The contract as OpenAPI 3.1, written from the same zod schemas that validate requests. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const write = (summary: string, body: string, errors: object = stepErrors, parameters: object[] = [caseId, idempotencyKey]) => ({
    summary,
    security: [{ coordinator: [] }],
    parameters,
    requestBody: { required: true, content: json(body) },
    responses: { '200': { description: 'The case after the step.', content: json('Case') }, ...errors },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Överens API',
      version: '1',
      description: 'Joint decisions between Region Dalarna and its 15 municipalities. Contract version 1.',
    },
    components: {
      securitySchemes: { coordinator: { type: 'http', scheme: 'bearer' } },
      schemas: {
        CreateCase: schemaOf(createCaseSchema, 'input'),
        CouncilOutcome: schemaOf(councilOutcomeSchema, 'input'),
        NetworkOutcome: schemaOf(networkOutcomeSchema, 'input'),
        Decision: schemaOf(decisionSchema, 'input'),
        Revision: schemaOf(revisionSchema, 'input'),
        Deadline: schemaOf(deadlineSchema, 'input'),
        Reminder: schemaOf(reminderSchema, 'input'),
        Posting: schemaOf(postingSchema, 'input'),
        Appeal: schemaOf(appealSchema, 'input'),
        Termination: schemaOf(terminationSchema, 'input'),
        FollowUp: schemaOf(followUpSchema, 'input'),
        Case: schemaOf(caseViewSchema, 'output'),
        CaseList: schemaOf(caseListViewSchema, 'output'),
        Dashboard: schemaOf(dashboardViewSchema, 'output'),
        Party: schemaOf(partyViewSchema, 'output'),
        Error: schemaOf(errorViewSchema, 'output'),
        ReplaceContacts: schemaOf(replaceContactsSchema, 'input'),
        PartyContacts: schemaOf(partyContactsViewSchema, 'output'),
        ContactList: schemaOf(contactListViewSchema, 'output'),
      },
    },
    paths: {
      '/api/parties': {
        get: {
          summary: 'The 16 parties',
          responses: {
            '200': { description: 'Every party.', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Party' } } } } },
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
      '/api/cases/{id}/council': { post: write("Record Välfärdsrådet's outcome", 'CouncilOutcome') },
      '/api/cases/{id}/network': { post: write("Record the network's (LCHNV) outcome", 'NetworkOutcome') },
      '/api/cases/{id}/decisions': { post: write("Record a party's political decision", 'Decision') },
      '/api/cases/{id}/revisions': { post: write('Revise the case and re-open decisions for all or some parties', 'Revision') },
      '/api/cases/{id}/deadline': { post: write("Move the deadline, for every party or for one, without restarting the case", 'Deadline') },
      '/api/cases/{id}/reminders': {
        // No body reminds every party that has not answered.
        post: { ...write('Remind one party, or every party that has not answered, now (e-mail)', 'Reminder'), requestBody: { required: false, content: json('Reminder') } },
      },
      '/api/cases/{id}/follow-up': { post: write('Mark the follow-up assignment done, or hand it on', 'FollowUp') },
      '/api/cases/{id}/parties/{party}/posting': {
        post: write('Record the day the minutes with an adopted decision were posted (anslag)', 'Posting', stepErrors, partyStep),
      },
      '/api/cases/{id}/parties/{party}/appeals': {
        post: write("Record an appeal against a party's adopted decision: its answer is open again", 'Appeal', stepErrors, partyStep),
      },
      '/api/cases/{id}/parties/{party}/termination': {
        post: write('Record that a party terminates the agreement in force', 'Termination', stepErrors, partyStep),
      },
      '/api/contacts': {
        get: {
          summary: "The parties' contacts: who gets the reminders",
          security: [{ coordinator: [] }],
          responses: {
            '200': { description: 'All 16 parties with their addresses.', content: json('ContactList') },
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
      '/api/dashboard': {
        get: {
          summary: 'Who blocks what',
          security: [{ coordinator: [] }],
          responses: { '200': { description: 'Counts per stage, blocked cases, waits per party.', content: json('Dashboard') }, '401': coordinatorErrors['401'] },
        },
      },
    },
  };
}

import { z } from 'zod';
import { DALARNA_BODY_NAMES, type BodyNames } from '../format/body-names';

/**
 * Every setting Överens reads, validated once at start-up. Each process takes the part
 * it needs; a bad value stops it with a message that names the variable.
 */
const port = z.coerce.number().int().min(1).max(65535);

const linkSecret = z
  .string()
  .min(32, 'must be at least 32 characters')
  .describe("Signs the parties' own links; changing it invalidates every link sent. Secret.");

const smtpUrl = z
  .string()
  .url()
  .regex(/^smtps?:\/\//i, 'must start with smtp:// or smtps://')
  .describe('Where e-mail is sent: smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465. Secret: it may hold a password.');

const retentionDays = z.coerce
  .number()
  .int()
  .min(1)
  .max(3650)
  .default(30)
  .describe('Days Temporal keeps a closed case workflow; the worker sets it on its namespace at start.');

/** A name people read in pages and e-mails: one line, no markup characters. */
const displayName = z
  .string()
  .trim()
  .min(1)
  .max(100, 'must be at most 100 characters')
  .regex(/^[^\u0000-\u001f<>]+$/, 'must be one line of text without < or >');

/** What this deployment calls its bodies (see libs/format/body-names); Dalarna's unless set. */
export const bodyNameSettingsSchema = z.object({
  OVERENS_ORGANISATION_NAME: displayName.default(DALARNA_BODY_NAMES.organisation).describe('The organisation that coordinates the cases: signs e-mails and pages.'),
  OVERENS_NETWORK_NAME: displayName.default(DALARNA_BODY_NAMES.network).describe('The network that approves proposals and sends them to the council.'),
  OVERENS_NETWORK_SHORT_NAME: displayName.default(DALARNA_BODY_NAMES.networkShort ?? 'none').describe("The network's abbreviation, shown beside its name; 'none' for none."),
  OVERENS_COUNCIL_NAME: displayName.default(DALARNA_BODY_NAMES.council).describe('The political council that recommends the parties to adopt.'),
});

/** Where a fresh database's register comes from: Dalarna's 16 unless a county's own file is named. */
export const registerSeedSettingsSchema = z.object({
  OVERENS_REGISTER_SEED: z
    .string()
    .min(1)
    .optional()
    .describe("A JSON file with the county's parties and groups, loaded into a register never seeded before (see README, The register)."),
});

export const serverSettingsSchema = bodyNameSettingsSchema.extend({
  DATABASE_URL: z.string().url().describe('PostgreSQL connection URL of the read model. Secret: it holds the password.'),
  TEMPORAL_ADDRESS: z.string().min(1).describe('host:port of the Temporal frontend.'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('overens-cases'),
  OVERENS_TIME_ZONE: z.string().min(1).default('Europe/Stockholm').describe('Whose calendar decides "today" for deadlines.'),
});

export const apiSettingsSchema = serverSettingsSchema.extend({
  PORT: port.default(3000),
  OVERENS_ADMIN_TOKEN: z
    .string()
    .min(24, 'must be at least 24 characters')
    .describe("The coordinator's bearer token. Secret."),
  OVERENS_LINK_SECRET: linkSecret,
  OVERENS_PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .describe('Where people reach the web pages, for links in e-mails; default http://localhost:PORT.'),
  OVERENS_SECURE_COOKIES: z.enum(['true', 'false']).default('false').describe('Mark session cookies Secure (behind HTTPS).'),
  OVERENS_UPDATE_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(300)
    .default(30)
    .describe('How long a write waits for its workflow before answering 503 (retry with the same key).'),
  OVERENS_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(480)
    .describe('How long a coordinator stays signed in without using the pages.'),
  OVERENS_PARTY_PAGE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(120)
    .describe("Requests a minute one address may make to parties' pages, to slow guessing."),
  OVERENS_TRUST_PROXY: z
    .string()
    .regex(
      /^(false|true|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*)$/,
      'must be false, true, a number of proxies, or addresses and subnets (loopback, 10.0.0.0/8, …) separated by commas',
    )
    .default('false')
    .describe("Which reverse proxies to believe for the client's address (X-Forwarded-For), as Express's trust proxy: behind a proxy, the rate limits see the real client."),
  OVERENS_ACCESSIBILITY_EMAIL: z
    .email('must be an e-mail address')
    .optional()
    .describe('Where people report accessibility problems: shown on the accessibility statement.'),
  OVERENS_ACCESSIBILITY_PHONE: z
    .string()
    .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number: digits, spaces or dashes, an optional leading +')
    .optional()
    .describe('A phone number for accessibility questions, shown on the statement.'),
  OVERENS_FILE_MAX_MEGABYTES: z.coerce
    .number()
    .positive()
    .max(200)
    .default(25)
    .describe('The largest file that may be uploaded (an attachment, a minutes excerpt), in megabytes.'),
  OVERENS_VIRUS_SCAN_COMMAND: z
    .string()
    .min(1)
    .optional()
    .describe('A command that reads each uploaded file on standard input and exits 0 when clean, 1 when infected (e.g. clamdscan --no-summary -). Without it files are not scanned.'),
  OVERENS_S3_ENDPOINT: z.url().optional().describe('An S3-compatible object storage for uploaded files (e.g. https://s3.example.se); without it files are kept in PostgreSQL.'),
  OVERENS_S3_BUCKET: z.string().min(3).max(63).optional().describe('The bucket for uploaded files; it must exist.'),
  OVERENS_S3_REGION: z.string().min(1).default('us-east-1').describe("The object storage's region, as it signs requests."),
  OVERENS_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  OVERENS_S3_SECRET_ACCESS_KEY: z.string().min(1).optional().describe('Secret.'),
  OVERENS_OIDC_ISSUER: z.url().optional().describe("The organisation's identity provider (OpenID Connect issuer URL); with it, coordinators and party users may sign in through it."),
  OVERENS_OIDC_CLIENT_ID: z.string().min(1).optional(),
  OVERENS_OIDC_CLIENT_SECRET: z.string().min(1).optional().describe('Secret.'),
  OVERENS_OIDC_ROLE_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_.:/-]{1,100}$/, 'must be a claim name')
    .default('overens_role')
    .describe("The ID token's claim that names a user's role: coordinator, or party:<id>. Without it, the coordinators' list and the parties' contacts decide."),
  OVERENS_OIDC_NAME: z.string().min(1).max(100).optional().describe('What the sign-in page calls the identity provider, e.g. Region Dalarnas konto.'),
});

export const workerSettingsSchema = serverSettingsSchema.extend({
  OVERENS_SMTP_URL: smtpUrl,
  OVERENS_MAIL_FROM: z
    .string()
    .regex(/^([^<>\r\n]+<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, 'must be an address, or a name and <address>')
    .optional()
    .describe("The sender of reminders and notices: an address, or 'Name <address>'; default the organisation's name <noreply@example.se>."),
  OVERENS_LINK_SECRET: linkSecret,
  // Required here, unlike in the API: the worker has no port of its own to guess a default from.
  OVERENS_PUBLIC_URL: z.string().url().describe('Where people reach the web pages: the base of the links in e-mails.'),
  OVERENS_RETENTION_DAYS: retentionDays,
  OVERENS_WORKFLOW_BUNDLE: z
    .string()
    .min(1)
    .optional()
    .describe('A workflow bundle made at build time (npm run workflows:bundle); the image sets it. Unset, the worker bundles the workflows as it starts.'),
  OVERENS_HEALTH_PORT: port
    .optional()
    .describe('Where the worker answers /health/live and /health/ready (polling and database); none when unset.'),
  OVERENS_METRICS_PORT: port
    .optional()
    .describe("Where the worker serves Temporal's own worker metrics for Prometheus (/metrics on this port, all interfaces); none when unset."),
});

/** The one-terminal developer stack: servers it starts itself unless told where they are. */
export const stackSettingsSchema = registerSeedSettingsSchema.extend({
  DATABASE_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_CLI_PATH: z.string().min(1).optional(),
  OVERENS_ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  OVERENS_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  OVERENS_PUBLIC_URL: z.string().url().optional(),
  OVERENS_SMTP_URL: smtpUrl.optional().describe('An SMTP server for e-mail; without it the stack starts its own outbox that catches every message.'),
  OVERENS_OUTBOX_PORT: port.default(8025).describe("The outbox's web page, when the stack starts one."),
  OVERENS_OUTBOX_SMTP_PORT: port.default(2525).describe("The outbox's SMTP port, when the stack starts one."),
  OVERENS_DATA_DIR: z.string().min(1).default('.data'),
  OVERENS_POSTGRES_PORT: port.default(5433),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  PORT: port.default(3000),
});

export type ApiSettings = z.infer<typeof apiSettingsSchema>;
export type BodyNameSettings = z.infer<typeof bodyNameSettingsSchema>;

export function bodyNamesOf(settings: Partial<BodyNameSettings>): BodyNames {
  const short = settings.OVERENS_NETWORK_SHORT_NAME ?? DALARNA_BODY_NAMES.networkShort;
  return {
    organisation: settings.OVERENS_ORGANISATION_NAME ?? DALARNA_BODY_NAMES.organisation,
    network: settings.OVERENS_NETWORK_NAME ?? DALARNA_BODY_NAMES.network,
    networkShort: short === 'none' ? null : short,
    council: settings.OVERENS_COUNCIL_NAME ?? DALARNA_BODY_NAMES.council,
  };
}

/** The sender of e-mail: as configured, or the organisation's name on a no-reply address. */
export function mailFromOf(settings: Pick<WorkerSettings, 'OVERENS_MAIL_FROM'> & Partial<BodyNameSettings>): string {
  return settings.OVERENS_MAIL_FROM ?? `${bodyNamesOf(settings).organisation} <noreply@example.se>`;
}
export type WorkerSettings = z.infer<typeof workerSettingsSchema>;
export type StackSettings = z.infer<typeof stackSettingsSchema>;

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

export function readSettings<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  // Empty variables count as unset, as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigurationError(`Invalid configuration:\n${problems.join('\n')}`);
}

import { bodyNamesOf, type ApiSettings, type BodyNameSettings } from '../../libs/config/config';
import type { BodyNames } from '../../libs/format/body-names';
import type { ObjectStorageSettings } from '../../libs/files';

type ConfigSettings = Pick<ApiSettings, 'TEMPORAL_TASK_QUEUE' | 'OVERENS_ADMIN_TOKEN' | 'OVERENS_TIME_ZONE' | 'OVERENS_LINK_SECRET' | 'PORT'> &
  Partial<
    Pick<
      ApiSettings,
      | 'OVERENS_PUBLIC_URL'
      | 'OVERENS_SECURE_COOKIES'
      | 'OVERENS_UPDATE_TIMEOUT_SECONDS'
      | 'OVERENS_PARTY_PAGE_LIMIT_PER_MINUTE'
      | 'OVERENS_SESSION_IDLE_MINUTES'
      | 'OVERENS_ACCESSIBILITY_EMAIL'
      | 'OVERENS_TRUST_PROXY'
      | 'OVERENS_ACCESSIBILITY_PHONE'
      | 'OVERENS_FILE_MAX_MEGABYTES'
      | 'OVERENS_VIRUS_SCAN_COMMAND'
      | 'OVERENS_S3_ENDPOINT'
      | 'OVERENS_S3_BUCKET'
      | 'OVERENS_S3_REGION'
      | 'OVERENS_S3_ACCESS_KEY_ID'
      | 'OVERENS_S3_SECRET_ACCESS_KEY'
      | 'OVERENS_OIDC_ISSUER'
      | 'OVERENS_OIDC_CLIENT_ID'
      | 'OVERENS_OIDC_CLIENT_SECRET'
      | 'OVERENS_OIDC_ROLE_CLAIM'
      | 'OVERENS_OIDC_NAME'
    >
  > &
  Partial<BodyNameSettings>;

/** The API's settings as a Nest provider (a class token, never a string). */
export class ApiConfig {
  readonly taskQueue: string;
  readonly adminToken: string;
  readonly linkSecret: string;
  readonly timeZone: string;
  readonly publicUrl: string;
  readonly secureCookies: boolean;
  /** How long a write waits for its workflow before answering 503. */
  readonly updateTimeoutMs: number;
  readonly partyPageLimitPerMinute: number;
  /** How long a coordinator stays signed in without using the pages. */
  readonly sessionIdleMs: number;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For to believe. */
  readonly trustProxy: boolean | number | string;
  /** Shown on the accessibility statement. */
  readonly accessibilityContact: { readonly email?: string; readonly phone?: string };
  /** What the pages call the organisation, the network and the council. */
  readonly names: BodyNames;
  /** Sign-in through the organisation's identity provider, when configured. */
  readonly oidc?: OidcSettings;
  /** Uploads: the largest file, the scan hook, and the object storage where files go instead of PostgreSQL. */
  readonly files: { readonly maxBytes: number; readonly virusScanCommand?: string; readonly objectStorage?: ObjectStorageSettings };

  constructor(settings: ConfigSettings) {
    this.taskQueue = settings.TEMPORAL_TASK_QUEUE;
    this.adminToken = settings.OVERENS_ADMIN_TOKEN;
    this.linkSecret = settings.OVERENS_LINK_SECRET;
    this.timeZone = settings.OVERENS_TIME_ZONE;
    this.publicUrl = (settings.OVERENS_PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, '');
    this.secureCookies = settings.OVERENS_SECURE_COOKIES === 'true';
    this.updateTimeoutMs = (settings.OVERENS_UPDATE_TIMEOUT_SECONDS ?? 30) * 1000;
    this.partyPageLimitPerMinute = settings.OVERENS_PARTY_PAGE_LIMIT_PER_MINUTE ?? 120;
    this.sessionIdleMs = Math.round((settings.OVERENS_SESSION_IDLE_MINUTES ?? 480) * 60 * 1000);
    this.trustProxy = trustProxyOf(settings.OVERENS_TRUST_PROXY ?? 'false');
    this.accessibilityContact = { email: settings.OVERENS_ACCESSIBILITY_EMAIL, phone: settings.OVERENS_ACCESSIBILITY_PHONE };
    this.names = bodyNamesOf(settings);
    this.files = {
      maxBytes: Math.round((settings.OVERENS_FILE_MAX_MEGABYTES ?? 25) * 1024 * 1024),
      ...(settings.OVERENS_VIRUS_SCAN_COMMAND ? { virusScanCommand: settings.OVERENS_VIRUS_SCAN_COMMAND } : {}),
      ...objectStorageOf(settings),
    };
    const oidc = oidcOf(settings);
    if (oidc) this.oidc = oidc;
  }
}

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly roleClaim: string;
  /** What the sign-in page calls the provider. */
  readonly name: string;
}

/** The identity provider, when configured: issuer, client id and secret together, or none. */
function oidcOf(settings: ConfigSettings): OidcSettings | undefined {
  const { OVERENS_OIDC_ISSUER: issuer, OVERENS_OIDC_CLIENT_ID: clientId, OVERENS_OIDC_CLIENT_SECRET: clientSecret } = settings;
  if (issuer === undefined && clientId === undefined && clientSecret === undefined) return undefined;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error('Sign-in through an identity provider needs all of OVERENS_OIDC_ISSUER, OVERENS_OIDC_CLIENT_ID and OVERENS_OIDC_CLIENT_SECRET, or none of them.');
  }
  return { issuer, clientId, clientSecret, roleClaim: settings.OVERENS_OIDC_ROLE_CLAIM ?? 'overens_role', name: settings.OVERENS_OIDC_NAME ?? 'organisationens konto' };
}

/** The object storage, when configured; all of endpoint, bucket and keys, or none. */
function objectStorageOf(settings: ConfigSettings): { objectStorage?: ObjectStorageSettings } {
  const { OVERENS_S3_ENDPOINT: endpoint, OVERENS_S3_BUCKET: bucket, OVERENS_S3_ACCESS_KEY_ID: accessKeyId, OVERENS_S3_SECRET_ACCESS_KEY: secretAccessKey } = settings;
  const given = [endpoint, bucket, accessKeyId, secretAccessKey].filter((value) => value !== undefined).length;
  if (given === 0) return {};
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) {
    throw new Error('Object storage needs all of OVERENS_S3_ENDPOINT, OVERENS_S3_BUCKET, OVERENS_S3_ACCESS_KEY_ID and OVERENS_S3_SECRET_ACCESS_KEY, or none of them.');
  }
  return { objectStorage: { endpoint, bucket, accessKeyId, secretAccessKey, region: settings.OVERENS_S3_REGION ?? 'us-east-1' } };
}

function trustProxyOf(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

import { ApiConfig } from '../../apps/api/api-config';
import { ConfigurationError, apiSettingsSchema, bodyNamesOf, mailFromOf, readSettings, stackSettingsSchema, workerSettingsSchema } from '../../libs/config/config';

const DALARNA_NAMES = {
  OVERENS_ORGANISATION_NAME: 'RSS Dalarna',
  OVERENS_NETWORK_NAME: 'Länschefsnätverket',
  OVERENS_NETWORK_SHORT_NAME: 'LCHNV',
  OVERENS_COUNCIL_NAME: 'Välfärdsrådet',
};

describe('configuration', () => {
  const valid = {
    DATABASE_URL: 'postgres://overens:secret@db:5432/overens',
    TEMPORAL_ADDRESS: 'temporal:7233',
    OVERENS_ADMIN_TOKEN: 'a'.repeat(32),
    OVERENS_LINK_SECRET: 'l'.repeat(40),
  };

  it('reads the API settings with their defaults', () => {
    expect(readSettings(apiSettingsSchema, valid)).toEqual({
      ...valid,
      PORT: 3000,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'overens-cases',
      OVERENS_TIME_ZONE: 'Europe/Stockholm',
      OVERENS_SECURE_COOKIES: 'false',
      OVERENS_UPDATE_TIMEOUT_SECONDS: 30,
      OVERENS_PARTY_PAGE_LIMIT_PER_MINUTE: 120,
      OVERENS_SESSION_IDLE_MINUTES: 480,
      OVERENS_TRUST_PROXY: 'false',
      OVERENS_FILE_MAX_MEGABYTES: 25,
      OVERENS_S3_REGION: 'us-east-1',
      OVERENS_OIDC_ROLE_CLAIM: 'overens_role',
      ...DALARNA_NAMES,
    });
    expect(readSettings(apiSettingsSchema, { ...valid, OVERENS_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).OVERENS_TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
    expect(() => readSettings(apiSettingsSchema, { ...valid, OVERENS_TRUST_PROXY: 'alla' })).toThrow(/OVERENS_TRUST_PROXY/);
  });

  it('takes object storage with all its settings or none, and says which are missing', () => {
    const s3 = { OVERENS_S3_ENDPOINT: 'https://s3.example.se', OVERENS_S3_BUCKET: 'overens', OVERENS_S3_ACCESS_KEY_ID: 'nyckel', OVERENS_S3_SECRET_ACCESS_KEY: 'hemlig' };
    const config = (env: Record<string, string>) => new ApiConfig(readSettings(apiSettingsSchema, { ...valid, ...env }));
    expect(config(s3).files.objectStorage).toEqual({ endpoint: 'https://s3.example.se', bucket: 'overens', accessKeyId: 'nyckel', secretAccessKey: 'hemlig', region: 'us-east-1' });
    expect(config({}).files).toEqual({ maxBytes: 25 * 1024 * 1024 });
    const { OVERENS_S3_SECRET_ACCESS_KEY: _secret, ...withoutSecret } = s3;
    expect(() => config(withoutSecret)).toThrow(/OVERENS_S3_SECRET_ACCESS_KEY/);
    expect(() => readSettings(apiSettingsSchema, { ...valid, OVERENS_FILE_MAX_MEGABYTES: '500' })).toThrow(/OVERENS_FILE_MAX_MEGABYTES/);
  });

  it('takes an identity provider with its issuer, client id and secret together, or none', () => {
    const oidc = { OVERENS_OIDC_ISSUER: 'https://idp.example.se', OVERENS_OIDC_CLIENT_ID: 'overens', OVERENS_OIDC_CLIENT_SECRET: 'hemlig' };
    const config = (env: Record<string, string>) => new ApiConfig(readSettings(apiSettingsSchema, { ...valid, ...env }));
    expect(config(oidc).oidc).toEqual({ issuer: 'https://idp.example.se', clientId: 'overens', clientSecret: 'hemlig', roleClaim: 'overens_role', name: 'organisationens konto' });
    expect(config({}).oidc).toBeUndefined();
    expect(() => config({ OVERENS_OIDC_ISSUER: 'https://idp.example.se' })).toThrow(/OVERENS_OIDC_CLIENT_ID/);
    expect(() => readSettings(apiSettingsSchema, { ...valid, ...oidc, OVERENS_OIDC_ROLE_CLAIM: 'två ord' })).toThrow(/OVERENS_OIDC_ROLE_CLAIM/);
  });

  it('names every bad setting in one clear message', () => {
    const read = () => readSettings(apiSettingsSchema, { ...valid, DATABASE_URL: 'not a url', PORT: '99999', OVERENS_ADMIN_TOKEN: 'short' });
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/DATABASE_URL/);
    expect(read).toThrow(/PORT/);
    expect(read).toThrow(/OVERENS_ADMIN_TOKEN: must be at least 24 characters/);
    const contact = () => readSettings(apiSettingsSchema, { ...valid, OVERENS_ACCESSIBILITY_EMAIL: 'nobody', OVERENS_ACCESSIBILITY_PHONE: 'ring oss' });
    expect(contact).toThrow(/OVERENS_ACCESSIBILITY_EMAIL: must be an e-mail address/);
    expect(contact).toThrow(/OVERENS_ACCESSIBILITY_PHONE: must be a phone number/);
  });

  it('reads the worker settings: where e-mail goes, from whom, and how links are made', () => {
    const worker = {
      DATABASE_URL: valid.DATABASE_URL,
      TEMPORAL_ADDRESS: valid.TEMPORAL_ADDRESS,
      OVERENS_SMTP_URL: 'smtp://overens:secret@smtp.example.se:587',
      OVERENS_LINK_SECRET: valid.OVERENS_LINK_SECRET,
      OVERENS_PUBLIC_URL: 'https://overens.example.se',
    };
    expect(readSettings(workerSettingsSchema, worker)).toEqual({
      ...worker,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'overens-cases',
      OVERENS_TIME_ZONE: 'Europe/Stockholm',
      OVERENS_RETENTION_DAYS: 30,
      ...DALARNA_NAMES,
    });
    expect(mailFromOf(readSettings(workerSettingsSchema, worker))).toBe('RSS Dalarna <noreply@example.se>');
    expect(mailFromOf(readSettings(workerSettingsSchema, { ...worker, OVERENS_ORGANISATION_NAME: 'Samverkan Norr' }))).toBe('Samverkan Norr <noreply@example.se>');
    expect(() => readSettings(workerSettingsSchema, { ...worker, OVERENS_RETENTION_DAYS: '0' })).toThrow(/OVERENS_RETENTION_DAYS/);
    expect(readSettings(workerSettingsSchema, { ...worker, OVERENS_RETENTION_DAYS: '90' }).OVERENS_RETENTION_DAYS).toBe(90);
    const read = () =>
      readSettings(workerSettingsSchema, { ...worker, OVERENS_SMTP_URL: 'https://smtp.example.se', OVERENS_MAIL_FROM: 'RSS <nobody>', OVERENS_PUBLIC_URL: '' });
    expect(read).toThrow(/OVERENS_SMTP_URL: must start with smtp:\/\/ or smtps:\/\//);
    expect(read).toThrow(/OVERENS_MAIL_FROM/);
    expect(read).toThrow(/OVERENS_PUBLIC_URL/);
    expect(readSettings(workerSettingsSchema, { ...worker, OVERENS_MAIL_FROM: 'samordning@rss.example.se' }).OVERENS_MAIL_FROM).toBe(
      'samordning@rss.example.se',
    );
  });

  it("names the organisation, the network and the council as configured, Dalarna's by default, refusing markup", () => {
    expect(bodyNamesOf(readSettings(apiSettingsSchema, valid))).toEqual({ organisation: 'RSS Dalarna', network: 'Länschefsnätverket', networkShort: 'LCHNV', council: 'Välfärdsrådet' });
    const other = readSettings(apiSettingsSchema, {
      ...valid,
      OVERENS_ORGANISATION_NAME: 'Samverkan Norr',
      OVERENS_NETWORK_NAME: 'Socialchefsnätverket',
      OVERENS_NETWORK_SHORT_NAME: 'none',
      OVERENS_COUNCIL_NAME: 'Politiska samverkansrådet',
    });
    expect(bodyNamesOf(other)).toEqual({ organisation: 'Samverkan Norr', network: 'Socialchefsnätverket', networkShort: null, council: 'Politiska samverkansrådet' });
    expect(() => readSettings(apiSettingsSchema, { ...valid, OVERENS_COUNCIL_NAME: '<b>Rådet</b>' })).toThrow(/OVERENS_COUNCIL_NAME: must be one line of text without < or >/);
    expect(() => readSettings(apiSettingsSchema, { ...valid, OVERENS_ORGANISATION_NAME: 'x'.repeat(101) })).toThrow(/OVERENS_ORGANISATION_NAME/);
  });

  it('gives the stack its outbox ports unless an SMTP server is named', () => {
    expect(readSettings(stackSettingsSchema, {})).toMatchObject({ OVERENS_OUTBOX_PORT: 8025, OVERENS_OUTBOX_SMTP_PORT: 2525 });
    expect(readSettings(stackSettingsSchema, {}).OVERENS_SMTP_URL).toBeUndefined();
    expect(readSettings(stackSettingsSchema, { OVERENS_SMTP_URL: 'smtps://smtp.example.se:465' }).OVERENS_SMTP_URL).toBe('smtps://smtp.example.se:465');
  });

  it('treats an empty variable as unset, so the stack starts its own servers', () => {
    const settings = readSettings(stackSettingsSchema, { DATABASE_URL: '', TEMPORAL_ADDRESS: '' });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.TEMPORAL_ADDRESS).toBeUndefined();
    expect(settings.OVERENS_DATA_DIR).toBe('.data');
  });
});

import { ConfigurationError, apiSettingsSchema, readSettings, stackSettingsSchema } from '../../libs/config/config';

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
    });
  });

  it('names every bad setting in one clear message', () => {
    const read = () => readSettings(apiSettingsSchema, { ...valid, DATABASE_URL: 'not a url', PORT: '99999', OVERENS_ADMIN_TOKEN: 'short' });
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/DATABASE_URL/);
    expect(read).toThrow(/PORT/);
    expect(read).toThrow(/OVERENS_ADMIN_TOKEN: must be at least 24 characters/);
  });

  it('treats an empty variable as unset, so the stack starts its own servers', () => {
    const settings = readSettings(stackSettingsSchema, { DATABASE_URL: '', TEMPORAL_ADDRESS: '' });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.TEMPORAL_ADDRESS).toBeUndefined();
    expect(settings.OVERENS_DATA_DIR).toBe('.data');
  });
});

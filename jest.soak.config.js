/**
 * The soak (`npx jest -c jest.soak.config.js --runInBand`): run by hand, never by `npm test`,
 * whose config matches only *.test.ts. Same transform and shared servers as jest.config.js.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/soak'],
  testMatch: ['**/*.soak.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'], '^.+\\.js$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  // The soak sets its own timeout from OVERENS_SOAK_MINUTES.
  testTimeout: 120000,
};

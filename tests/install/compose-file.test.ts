import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { TEMPORAL_SERVER_SETTINGS } from '../../libs/temporal/server-settings';

/**
 * No container engine runs here, so the production compose file is checked against the
 * Compose Specification's schema (and dclint's rules on published ports) by dclint, pinned.
 */
const ROOT = resolve(__dirname, '..', '..');
const STYLE_ONLY = ['service-keys-order', 'services-alphabetical-order'];

function dclint(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'dclint', 'bin', 'dclint.cjs'), file, '--disable-rule', ...STYLE_ONLY, '--max-warnings', '0', '--color', 'false'], {
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

it('holds to the Compose Specification, with every published port bound to an interface', () => {
  const checked = dclint(join(ROOT, 'docker-compose.yml'));
  expect(checked.output).not.toMatch(/error|warning/);
  expect(checked.status).toBe(0);
});

it('is refused when it breaks the specification (the check can fail)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'overens-compose-'));
  try {
    const broken = join(folder, 'docker-compose.yml');
    copyFileSync(join(ROOT, 'docker-compose.yml'), broken);
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('restart: unless-stopped', 'restartt: unless-stopped'));
    const checked = dclint(broken);
    expect(checked.status).not.toBe(0);
    expect(checked.output).toContain('invalid-schema');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

it("follows Temporal's current images: the server with a schema job of the same release, no auto-setup, only the API published beyond loopback", () => {
  const { services } = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { image?: string; ports?: string[]; depends_on?: Record<string, { condition: string }> }>;
  };
  const images = Object.values(services).map((service) => service.image ?? '');
  expect(images.filter((image) => image.includes('auto-setup'))).toEqual([]);
  const server = services.temporal.image!.split(':')[1];
  expect(services['temporal-schema'].image).toBe(`temporalio/admin-tools:${server}`);
  expect(services.temporal.depends_on?.['temporal-schema']).toEqual({ condition: 'service_completed_successfully' });
  const published = Object.entries(services).flatMap(([name, service]) => (service.ports ?? []).map((port) => [name, port]));
  for (const [name, port] of published) expect([name, port.startsWith('127.0.0.1:')]).toEqual([name, true]);
});

it("gives the cluster the same Temporal settings as the embedded server, in the file the server image reads", () => {
  const { services } = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { volumes?: string[] }> };
  expect(services.temporal.volumes).toContain('./deploy/temporal-dynamic-config.yaml:/etc/temporal/config/dynamicconfig/docker.yaml:ro');
  const settings = parse(readFileSync(join(ROOT, 'deploy', 'temporal-dynamic-config.yaml'), 'utf8')) as Record<string, { value: unknown }[]>;
  expect(Object.fromEntries(Object.entries(settings).map(([key, values]) => [key, values[0].value]))).toEqual(TEMPORAL_SERVER_SETTINGS);
});

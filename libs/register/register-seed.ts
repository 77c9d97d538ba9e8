import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PARTY_ID_PATTERN, PARTY_KINDS } from '../domain';
import dalarna from './seeds/dalarna.json';

/**
 * The register a fresh database starts with: Dalarna's 16 by default, or a county's own
 * file (OVERENS_REGISTER_SEED). It is loaded once, into an empty register; after that the
 * coordinator keeps the register through the API or the Parter page.
 */
const slug = z.string().regex(PARTY_ID_PATTERN, 'Id ska vara små bokstäver, siffror och bindestreck (2–40 tecken).');

export const registerSeedSchema = z
  .object({
    county: z.string().min(1).max(100),
    /** The year (31 December) the population figures are for. */
    populationYear: z.number().int().min(1900).max(2200),
    populationSource: z.string().min(1).max(500),
    parties: z
      .array(
        z.object({
          id: slug,
          name: z.string().trim().min(1).max(100),
          kind: z.enum(PARTY_KINDS),
          usualBody: z.string().trim().min(1).max(200).optional(),
          population: z.number().int().min(0).max(100_000_000).optional(),
        }),
      )
      .min(1),
    groups: z.array(z.object({ id: slug, name: z.string().trim().min(1).max(100), parties: z.array(slug).min(1) })).default([]),
  })
  .superRefine((seed, context) => {
    const ids = new Set<string>();
    for (const party of seed.parties) {
      if (ids.has(party.id)) context.addIssue({ code: 'custom', message: `Parten ${party.id} finns två gånger.` });
      ids.add(party.id);
    }
    for (const group of seed.groups) {
      for (const member of group.parties) {
        if (!ids.has(member)) context.addIssue({ code: 'custom', message: `Gruppen ${group.id} har en okänd part: ${member}.` });
      }
    }
  });

export type RegisterSeed = z.infer<typeof registerSeedSchema>;

export const DEFAULT_REGISTER_SEED: RegisterSeed = registerSeedSchema.parse(dalarna);

/** A county's seed file, checked whole before anything is written. */
export function readRegisterSeed(path: string): RegisterSeed {
  const parsed = registerSeedSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The seed a deployment names (OVERENS_REGISTER_SEED), or Dalarna's. */
export function registerSeedOf(path: string | undefined): RegisterSeed {
  return path ? readRegisterSeed(path) : DEFAULT_REGISTER_SEED;
}

import { SEED_PARTY_IDS as PARTY_IDS, SEED_PARTY_NAMES } from '../support/seed-register';
import { REGIONAL_AGREEMENT, openCase, type CaseOpening, type CaseState } from '../../libs/domain';

export const AT = '2024-05-16T08:00:00.000Z';

export function opening(overrides: Partial<CaseOpening> = {}): CaseOpening {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    title: 'Regional överenskommelse om samverkan för Kvinnofrid',
    reference: 'HSN 2024/1905',
    parties: PARTY_IDS,
    partyNames: SEED_PARTY_NAMES,
    deadline: '2024-12-31',
    attachments: [{ title: 'Överenskommelse', url: 'https://rss.example/kvinnofrid.pdf' }],
    networkDecision: { date: '2024-05-16' },
    actor: 'coordinator',
    requestId: null,
    ...overrides,
  };
}

export function openedCase(overrides: Partial<CaseOpening> = {}): CaseState {
  return openCase(opening(overrides), REGIONAL_AGREEMENT, AT);
}

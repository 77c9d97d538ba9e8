import type { PartyStatus, Stage } from './case-types';

/** Swedish names of stages and statuses, for messages and pages. */
export const STAGE_LABELS: Record<Stage, string> = {
  council: 'väntar på Välfärdsrådet',
  network: 'hos Länschefsnätverket',
  decisions: 'väntar på politiska beslut',
  'in-force': 'gäller',
  rejected: 'avslutat utan verkan',
  withdrawn: 'återkallat',
};

export const PARTY_STATUS_LABELS: Record<PartyStatus, string> = {
  pending: 'väntar',
  scheduled: 'planerat till sammanträde',
  adopted: 'antaget',
  rejected: 'avslaget',
  'opted-out': 'står utanför',
};

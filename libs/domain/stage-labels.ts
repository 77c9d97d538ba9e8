import type { PartyStatus, Stage } from './case-types';

/**
 * Swedish names of stages and statuses, for messages. The bodies are named by their role
 * here; the pages name them as the deployment's configuration does.
 */
export const STAGE_LABELS: Record<Stage, string> = {
  council: 'väntar på rådets rekommendation',
  network: 'hos nätverket',
  decisions: 'väntar på politiska beslut',
  'in-force': 'gäller',
  rejected: 'avslutat utan verkan',
  withdrawn: 'återkallat',
  closed: 'avslutat',
  expired: 'har upphört att gälla',
};

export const PARTY_STATUS_LABELS: Record<PartyStatus, string> = {
  pending: 'väntar',
  scheduled: 'planerat till sammanträde',
  adopted: 'antaget',
  rejected: 'avslaget',
  'opted-out': 'står utanför',
  answered: 'har svarat',
  declined: 'avstår',
  signed: 'har skrivit under',
  unanswered: 'svarade inte',
  'adopted-with-changes': 'antaget med ändringar',
};

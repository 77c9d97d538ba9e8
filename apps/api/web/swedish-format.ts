import { findParty, PARTY_STATUS_LABELS, STAGE_LABELS, type PartyStatus, type Stage } from '../../../libs/domain';

export function days(count: number): string {
  return count === 1 ? '1 dag' : `${count} dagar`;
}

/** A party or body id as a name: "sater" → "Säter", "lchnv" → "Länschefsnätverket". */
export function bodyName(id: string): string {
  if (id === 'lchnv') return 'Länschefsnätverket (LCHNV)';
  if (id === 'valfardsradet') return 'Välfärdsrådet';
  return findParty(id)?.name ?? id;
}

export function stageLabel(stage: Stage): string {
  return capitalise(STAGE_LABELS[stage]);
}

export function statusLabel(status: PartyStatus): string {
  return capitalise(PARTY_STATUS_LABELS[status]);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a history entry says, in Swedish. */
export function historyLabel(type: string, party?: string): string {
  const labels: Record<string, string> = {
    'network.approve': 'Länschefsnätverket godkände förslaget och skickade det till Välfärdsrådet',
    'network.forward': 'Länschefsnätverket skickade ärendet vidare till Välfärdsrådet',
    'network.table': 'Länschefsnätverket bordlade ärendet',
    'network.withdraw': 'Länschefsnätverket återkallade ärendet',
    'network.reject': 'Länschefsnätverket avslutade ärendet utan verkan',
    revision: 'Länschefsnätverket reviderade ärendet',
    'council.recommend': 'Välfärdsrådet rekommenderade parterna att anta',
    'council.refer-back': 'Välfärdsrådet återremitterade ärendet till nätverket',
    'council.reject': 'Välfärdsrådet avslog förslaget',
    'decision.scheduled': 'planerade ärendet till sammanträde',
    'decision.adopted': 'antog',
    'decision.rejected': 'avslog',
    'decision.opted-out': 'valde att stå utanför',
    'decision.answered': 'svarade på remissen',
    'decision.declined': 'avstod från att svara',
    'decision.signed': 'skrev under',
    'network.adopt': 'Länschefsnätverket fattade beslut',
    deadline: 'Sista svarsdag flyttades till',
    posting: 'anslog protokollet',
    appeal: 's beslut överklagades',
    'ruling.annulled': 's beslut upphävdes av förvaltningsrätten; svaret är öppet igen',
    'ruling.dismissed': 's överklagade beslut stod sig i förvaltningsrätten och vinner laga kraft',
    termination: 'sade upp överenskommelsen',
    'follow-up.done': 'Uppföljningsuppdraget blev klart',
    'follow-up.reassign': 'Uppföljningsuppdraget ändrades',
    'follow-up.due': 'Påminnelse: uppföljningsuppdraget skulle vara klart',
    'reminder.sent': 'Påminnelse skickades',
    'round.closed': 'Remissen stängdes; inget svar från',
    'validity.expiring': 'Samordnaren varnades: giltighetstiden löper ut',
    'validity.renewed': 'Överenskommelsen förlängdes till',
    'validity.ended': 'Giltighetstiden löpte ut',
    'validity.terminated': 'Överenskommelsen upphörde efter uppsägning',
  };
  const label = labels[type] ?? type;
  if (!party) return label;
  // "Moras beslut överklagades" reads as one word; the rest as "Mora antog".
  return label.startsWith('s ') ? `${bodyName(party)}${label}` : `${bodyName(party)} ${label}`;
}

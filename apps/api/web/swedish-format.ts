import { COUNCIL_BODY, NETWORK_BODY, PARTY_STATUS_LABELS, STAGE_LABELS, type PartyStatus, type Stage } from '../../../libs/domain';
import type { CaseView } from '../../../libs/contract';
import { genitive, type BodyNames } from '../../../libs/format/body-names';
import { longDate } from '../../../libs/format/swedish-dates';

const WHOLE_NUMBER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** A count as Swedish writes it: 1 055, the thousands set apart by a space that does not break. */
export function wholeNumber(count: number): string {
  return WHOLE_NUMBER.format(count);
}

export function days(count: number): string {
  return count === 1 ? '1 dag' : `${count} dagar`;
}

export function statusLabel(status: PartyStatus): string {
  return capitalise(PARTY_STATUS_LABELS[status]);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How a page names what it shows: the deployment's bodies (configuration) and the parties
 * (as the case or the register knows them). Ids it does not know are shown as they are.
 */
export class Naming {
  constructor(
    readonly bodies: BodyNames,
    private readonly parties: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** The same bodies, with these parties' names added (a case's own names win over the register's). */
  with(parties: Iterable<{ readonly id?: string; readonly party?: string; readonly name: string }>): Naming {
    const names = new Map(this.parties);
    for (const entry of parties) names.set((entry.id ?? entry.party) as string, entry.name);
    return new Naming(this.bodies, names);
  }

  /** A party or body id as a name: a party's as the case keeps it, the bodies' as configured, e.g. "lchnv" → "Länschefsnätverket (LCHNV)". */
  of(id: string): string {
    if (id === NETWORK_BODY) return this.bodies.networkShort ? `${this.bodies.network} (${this.bodies.networkShort})` : this.bodies.network;
    if (id === COUNCIL_BODY) return this.bodies.council;
    return this.parties.get(id) ?? id;
  }

  stage(stage: Stage): string {
    if (stage === 'council') return `Väntar på ${this.bodies.council}`;
    if (stage === 'network') return `Hos ${this.bodies.network}`;
    return capitalise(STAGE_LABELS[stage]);
  }

  /** What a history entry says, in Swedish. */
  history(type: string, party?: string): string {
    const { network, council } = this.bodies;
    const labels: Record<string, string> = {
      'network.approve': `${network} godkände förslaget och skickade det till ${council}`,
      'network.forward': `${network} skickade ärendet vidare till ${council}`,
      'network.table': `${network} bordlade ärendet`,
      'network.withdraw': `${network} återkallade ärendet`,
      'network.reject': `${network} avslutade ärendet utan verkan`,
      revision: `${network} reviderade ärendet`,
      'council.recommend': `${council} rekommenderade parterna att anta`,
      'council.refer-back': `${council} återremitterade ärendet till nätverket`,
      'council.reject': `${council} avslog förslaget`,
      'council.table': `${council} bordlade ärendet`,
      'network.reopen': `${network} tog upp det återkallade ärendet igen`,
      'network.recall': `${network} tog tillbaka ärendet från ${genitive(council)} dagordning`,
      'decision.scheduled': 'planerade ärendet till sammanträde',
      'decision.adopted': 'antog',
      'decision.rejected': 'avslog',
      'decision.opted-out': 'valde att stå utanför',
      'decision.answered': 'svarade på remissen',
      'decision.declined': 'avstod från att svara',
      'decision.signed': 'skrev under',
      'network.adopt': `${network} fattade beslut`,
      deadline: 'Sista svarsdag flyttades till',
      posting: 'anslog protokollet',
      appeal: 's beslut överklagades',
      'ruling.annulled': 's beslut upphävdes av förvaltningsrätten; svaret är öppet igen',
      'decision.adopted-with-changes': 'antog med ändringar',
      'judgement.identical': 's beslut med ändringar bedömdes som likalydande och räknas som antaget',
      'judgement.rejection': 's beslut med ändringar bedömdes som ett avslag',
      'ruling.dismissed': 's överklagade beslut stod sig i förvaltningsrätten och vinner laga kraft',
      termination: 'sade upp överenskommelsen',
      'follow-up.done': 'Uppföljningsuppdraget blev klart',
      'follow-up.reassign': 'Uppföljningsuppdraget ändrades',
      'follow-up.due': 'Påminnelse: uppföljningsuppdraget skulle vara klart',
      'reminder.sent': 'Påminnelse skickades',
      'escalation.sent': 'Beslut dröjer långt efter sista svarsdagen: samordnarna och eskaleringskontakten fick besked om',
      'round.closed': 'Remissen stängdes; inget svar från',
      'validity.expiring': 'Samordnaren varnades: giltighetstiden löper ut',
      'validity.renewed': 'Överenskommelsen förlängdes till',
      'validity.ended': 'Giltighetstiden löpte ut',
      'validity.terminated': 'Överenskommelsen upphörde efter uppsägning',
    };
    const label = labels[type] ?? type;
    if (!party) return label;
    // "Ekebys beslut överklagades" reads as one word; the rest as "Ekeby antog".
    return label.startsWith('s ') ? `${genitive(this.of(party))}${label.slice(1)}` : `${this.of(party)} ${label}`;
  }
}

/** What a history entry says, in Swedish, with whom it names. */
export function historyText(entry: CaseView['history'][number], naming: Naming): string {
  if (entry.type === 'attachment') return `Bilaga ${entry.attachment ?? ''} ${entry.outcome === 'replaced' ? 'ersattes med en ny version' : 'lades till'}`;
  const parts = [naming.history(entry.type, entry.party)];
  if (entry.untilMeeting) parts.push(`till mötet ${longDate(entry.untilMeeting)}`);
  if (entry.type === 'revision' && entry.reopened) {
    parts.push(`(version ${entry.version}); nya beslut begärs av ${entry.reopened.map((id) => naming.of(id)).join(', ')}`);
  } else if (entry.reopened && entry.reopened.length > 0) {
    parts.push(`: ${entry.reopened.map((id) => naming.of(id)).join(', ')}`);
  }
  if (entry.unreachable && entry.unreachable.length > 0) {
    parts.push(`– saknar e-postadress: ${entry.unreachable.map((id) => naming.of(id)).join(', ')}`);
  }
  return parts.join(' ');
}

/** Names as Swedish lists them: "A, B och C". */
export function swedishList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`;
}

/** The sentence the minutes carry about a case waiting on parties: who has not yet sent its decision. */
export function minutesSentence(waitingOn: readonly string[], naming: Naming): string {
  return `${swedishList(waitingOn.map((id) => naming.of(id)))} har ännu inte inkommit med beslut.`;
}

import { Injectable } from '@nestjs/common';
import type { GroupInput, GroupView, PartyInput, RegisterPartyView } from '../../libs/contract';
import { RegisterRefusal, RegisterRepository } from '../../libs/persistence';
import type { PartyGroup, RegisterParty } from '../../libs/register';
import { COUNCIL_BODY, NETWORK_BODY } from '../../libs/domain';
import { ApiError, type ApiIssue } from './api-error';

const REFUSAL_CODES = { unknown: 'validation', retired: 'validation', empty: 'validation', 'not-found': 'not-found', 'waited-on': 'conflict' } as const;

/** The register as the API serves it: refusals become the contract's errors. */
@Injectable()
export class RegisterService {
  constructor(private readonly register: RegisterRepository) {}

  async listParties(): Promise<RegisterPartyView[]> {
    return (await this.register.listParties()).map(partyView);
  }

  /** Every party, the retired ones too, for pages that show what cases hold. */
  listAllParties(): Promise<RegisterParty[]> {
    return this.register.listParties({ includeRetired: true });
  }

  async saveParty(id: string, input: PartyInput): Promise<{ party: RegisterPartyView; created: boolean }> {
    const { party, created } = await this.register.saveParty(id, input);
    return { party: partyView(party), created };
  }

  revokeLinks(id: string): Promise<void> {
    return refusalsAsErrors(() => this.register.revokeLinks(id));
  }

  retireParty(id: string): Promise<void> {
    return refusalsAsErrors(() => this.register.retireParty(id));
  }

  async listGroups(): Promise<GroupView[]> {
    return (await this.register.listGroups()).map(groupView);
  }

  async saveGroup(id: string, input: GroupInput): Promise<{ group: GroupView; created: boolean }> {
    const { group, created } = await refusalsAsErrors(() => this.register.saveGroup(id, input.name, input.parties), (refused) => issuesAt('parties', input.parties, refused));
    return { group: groupView(group), created };
  }

  /** The parties a new case is for, whole, in register order; an unknown or retired one is named in a 400. */
  resolveCaseParties(choice: { parties?: readonly string[]; group?: string }): Promise<RegisterParty[]> {
    return refusalsAsErrors(
      () => this.register.resolveCaseParties(choice),
      (refused, message) => (choice.group !== undefined ? [{ path: 'group', message }] : issuesAt('parties', choice.parties ?? [], refused)),
    );
  }

  /** Whether an id names anything a case can wait on: the network, the council, or a party the register holds or held. */
  async isKnownBody(id: string): Promise<boolean> {
    return id === NETWORK_BODY || id === COUNCIL_BODY || (await this.register.findParty(id)) !== undefined;
  }

  /** Refuses an id the register has never held: 404 when the path names it, 400 when a body does. */
  async requireKnown(id: string, namedBy: 'path' | 'body'): Promise<void> {
    if (await this.register.findParty(id)) return;
    throw namedBy === 'path' ? new ApiError('not-found', 'Parten finns inte.') : new ApiError('validation', `Okänd part: ${id}.`);
  }

  findParty(id: string): Promise<RegisterParty | undefined> {
    return this.register.findParty(id);
  }
}

async function refusalsAsErrors<T>(call: () => Promise<T>, issues?: (refused: readonly string[], message: string) => ApiIssue[]): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof RegisterRefusal)) throw error;
    const code = REFUSAL_CODES[error.reason];
    throw new ApiError(code, error.message, code === 'validation' && issues ? issues(error.ids, error.message) : undefined);
  }
}

/** The contract's issues for the refused ids of a list, each at its index. */
function issuesAt(path: string, ids: readonly string[], refused: readonly string[]): ApiIssue[] {
  return ids.flatMap((id, index) => (refused.includes(id) ? [{ path: `${path}.${index}`, message: `Okänd eller avslutad part: ${id}.` }] : []));
}

export function partyView(party: RegisterParty): RegisterPartyView {
  return { id: party.id, name: party.name, kind: party.kind, usualBody: party.usualBody, population: party.population ? { ...party.population } : null };
}

function groupView(group: PartyGroup): GroupView {
  return { id: group.id, name: group.name, parties: [...group.parties] };
}

import {
  PartyLinkSigner,
  partyLinkPath,
  partyOfToken,
  partyOverviewPath,
  type LinkRefusal,
  type PartyLinkClaim,
  type PartyOverviewClaim,
} from './party-link';

/** Where a party's link generation is kept (the register): raised by each revocation. */
export interface LinkGenerations {
  linkGeneration(party: string): Promise<number>;
}

/**
 * Full addresses of the pages that e-mails and the coordinator hand out, signed with each
 * party's current link generation, and the checks of the tokens behind them.
 */
export class CaseLinks {
  private readonly publicUrl: string;

  constructor(
    private readonly signer: PartyLinkSigner,
    publicUrl: string,
    private readonly generations: LinkGenerations,
  ) {
    this.publicUrl = publicUrl.replace(/\/+$/, '');
  }

  /** The party's own response page for the case: no login, signed for that party and case only. */
  async partyPage(caseId: string, party: string): Promise<string> {
    return `${this.publicUrl}${partyLinkPath(this.signer.sign(caseId, party, await this.generations.linkGeneration(party)))}`;
  }

  /** The party's overview of everything that waits on it, and when the link expires. */
  async partyOverview(party: string): Promise<{ url: string; expiresAt: number }> {
    const token = this.signer.signOverview(party, await this.generations.linkGeneration(party));
    return { url: `${this.publicUrl}${partyOverviewPath(token)}`, expiresAt: Number(token.split('.')[2]) };
  }

  /** The coordinator's page of the case (behind sign-in). */
  casePage(caseId: string): string {
    return `${this.publicUrl}/arenden/${encodeURIComponent(caseId)}`;
  }

  /** A case token's claim, or why it is refused. */
  async verifyCase(token: string): Promise<PartyLinkClaim | LinkRefusal> {
    const party = partyOfToken(token);
    if (party === undefined) return 'invalid';
    const generation = await this.generations.linkGeneration(party);
    return this.signer.verify(token, generation) ?? this.signer.refusal(token, generation);
  }

  /** An overview token's claim, or why it is refused. */
  async verifyOverview(token: string): Promise<PartyOverviewClaim | LinkRefusal> {
    const party = partyOfToken(token);
    if (party === undefined) return 'invalid';
    const generation = await this.generations.linkGeneration(party);
    return this.signer.verifyOverview(token, generation) ?? this.signer.refusal(token, generation);
  }
}

import { PartyLinkSigner, partyLinkPath } from './party-link';

/** Full addresses of the pages that e-mails point to, on the public base address. */
export class CaseLinks {
  private readonly publicUrl: string;

  constructor(
    private readonly signer: PartyLinkSigner,
    publicUrl: string,
  ) {
    this.publicUrl = publicUrl.replace(/\/+$/, '');
  }

  /** The party's own response page for the case: no login, signed for that party and case only. */
  partyPage(caseId: string, party: string): string {
    return `${this.publicUrl}${partyLinkPath(this.signer.sign(caseId, party))}`;
  }

  /** The coordinator's page of the case (behind sign-in). */
  casePage(caseId: string): string {
    return `${this.publicUrl}/arenden/${encodeURIComponent(caseId)}`;
  }
}

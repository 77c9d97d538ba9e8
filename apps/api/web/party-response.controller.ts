import { Body, Controller, Get, Header, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ApiConfig } from '../api-config';
import { ApiError } from '../api-error';
import { CaseService } from '../case.service';
import { FileStorageService } from '../file-storage.service';
import { sendFile } from '../file.controller';
import { parseFileId } from '../request-input';
import { storeFormUploads } from './upload-forms';
import { personName } from '../../../libs/contract';
import { RegisterService } from '../register.service';
import { CaseLinks } from '../../../libs/links/case-links';
import { partyLinkPath, tokenFromLinkPath, type PartyLinkClaim } from '../../../libs/links/party-link';
import { SecurityLog } from '../security-log';
import { fieldErrorsFrom, formValues, readStepForm } from './form-fields';
import { formRefusal, formRequestId } from './form-request';
import { linkRefusedMessage } from './link-refusal';
import { partyReceiptPage, partyResponsePage } from './party-response.view';
import { Naming } from './swedish-format';

const PAGE = ':caseId/:party/:signature';

/** A party's own page behind its signed link: no login, bound to one case and one party. */
@Controller('svar')
export class PartyResponseController {
  constructor(
    private readonly cases: CaseService,
    private readonly links: CaseLinks,
    private readonly securityLog: SecurityLog,
    private readonly config: ApiConfig,
    private readonly register: RegisterService,
    private readonly files: FileStorageService,
  ) {}

  /** What the page needs besides the case: names, and the body the party usually decides in. */
  private async pageContext(view: { parties: readonly { party: string; name: string }[] }, party: string) {
    const registered = await this.register.findParty(party);
    return { naming: new Naming(this.config.names).with(view.parties), usualBody: registered?.usualBody ?? null, maxFileBytes: this.files.maxBytes };
  }

  @Get(PAGE)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(@Param() params: LinkParams): Promise<string> {
    const claim = await this.claim(params);
    const view = await this.cases.get(claim.caseId);
    return partyResponsePage({ view, party: claim.party, formAction: linkPath(params), requestId: randomUUID(), ...(await this.pageContext(view, claim.party)) });
  }

  @Post(PAGE)
  async answer(@Param() params: LinkParams, @Body() body: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const claim = await this.claim(params);
    const values = formValues(body);
    // The form's own id: sending the same form twice records the answer once.
    const requestId = formRequestId(values.requestId);
    // Who is answering, for the history: not part of the decision itself.
    const { requestId: _requestId, answeredBy: sentBy, ...fields } = values;
    const answeredBy = personName.safeParse(sentBy ?? '');
    const upload = await storeFormUploads(request, this.files, { actor: `party:${claim.party}` });
    if (upload.stored.minutesFile) fields.minutesFile = upload.stored.minutesFile;
    const rerender = async (status: number, errors: Record<string, string>) => {
      const view = await this.cases.get(claim.caseId);
      const { minutesFile: keptFile } = await this.files.keptFiles({ minutesFile: fields.minutesFile });
      response
        .status(status)
        .type('html')
        .send(
          partyResponsePage({
            view,
            party: claim.party,
            formAction: linkPath(params),
            requestId,
            values,
            errors,
            ...(keptFile ? { keptFile } : {}),
            ...(await this.pageContext(view, claim.party)),
          }),
        );
    };
    if (upload.refused) return rerender(upload.refused.status, { minutesFile: upload.refused.message });
    if (!answeredBy.success) return rerender(400, { answeredBy: answeredBy.error.issues[0].message });
    // The party is the link's, whatever the form says.
    const reading = readStepForm('decision', { ...fields, party: claim.party });
    if (!reading.ok) return rerender(400, fieldErrorsFrom(reading.issues));
    try {
      await this.cases.record(claim.caseId, reading.step, `party:${claim.party}`, requestId, 'body', answeredBy.data || undefined);
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal) throw error;
      return rerender(refusal.status, { _form: refusal.message });
    }
    response.redirect(303, `${linkPath(params)}/kvitto`);
  }

  @Get(`${PAGE}/kvitto`)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async receipt(@Param() params: LinkParams): Promise<string> {
    const claim = await this.claim(params);
    const view = await this.cases.get(claim.caseId);
    const overview = await this.links.partyOverview(claim.party);
    return partyReceiptPage(view, claim.party, linkPath(params), new Naming(this.config.names).with(view.parties), overview.url);
  }

  /** A file of the case for the party: an attachment, or its own minutes excerpt. */
  @Get(`${PAGE}/filer/:fileId`)
  async file(@Param() params: LinkParams & { fileId: string }, @Res() response: Response): Promise<void> {
    const claim = await this.claim(params);
    const fileId = parseFileId(params.fileId);
    if (!(await this.files.visibleToParty(fileId, claim.party, claim.caseId))) throw new ApiError('not-found', 'Filen finns inte.');
    sendFile(response, await this.files.read(fileId));
  }

  /** The signature must be genuine for the very case and party of the address. */
  private async claim(params: LinkParams): Promise<PartyLinkClaim> {
    const checked = await this.links.verifyCase(tokenFromLinkPath(params.caseId, params.party, params.signature));
    if (typeof checked === 'string') {
      this.securityLog.record(checked === 'revoked' ? 'party-link-revoked' : 'party-link-refused', { case: params.caseId.slice(0, 36), party: params.party.slice(0, 40) });
      throw new ApiError('forbidden', linkRefusedMessage(checked, this.config.names.organisation));
    }
    return checked;
  }
}

interface LinkParams {
  readonly caseId: string;
  readonly party: string;
  readonly signature: string;
}

function linkPath(params: LinkParams): string {
  return partyLinkPath(tokenFromLinkPath(params.caseId, params.party, params.signature));
}

import { Body, Controller, Get, Header, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { groupInputSchema, partyInputSchema } from '../../../libs/contract';
import { isPartySlug } from '../../../libs/domain';
import type { CoordinatorSession } from '../../../libs/persistence';
import { ApiError } from '../api-error';
import { RegisterService } from '../register.service';
import { CoordinatorPageGuard, CurrentSession } from './coordinator-page.guard';
import { fieldErrorsFrom, formValues, type FieldErrors } from './form-fields';
import { formRefusal } from './form-request';
import { registerPage, type FailedForm, type RegisterPageModel } from './register.view';
import { signedIn } from './layout';

/** The Parter page: the coordinator keeps the register with the API's own schemas and rules. */
/** A case page to go back to: nowhere else (no open redirect). */
const CASE_PAGE = /^\/arenden\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

@Controller('parter')
@UseGuards(CoordinatorPageGuard)
export class RegisterPagesController {
  constructor(private readonly register: RegisterService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(@Query('klart') done: unknown, @CurrentSession() session: CoordinatorSession): Promise<string> {
    return registerPage(await this.model(session, { ...(typeof done === 'string' ? { done: doneText(done) } : {}) }));
  }

  @Get('grupper/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async editGroup(@Param('id') id: string, @CurrentSession() session: CoordinatorSession): Promise<string> {
    const group = (await this.register.listGroups()).find((candidate) => candidate.id === id);
    if (!group) throw new ApiError('not-found', 'Gruppen finns inte.');
    return registerPage(await this.model(session, { editing: { group } }));
  }

  @Get(':id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async editParty(@Param('id') id: string, @CurrentSession() session: CoordinatorSession): Promise<string> {
    const party = isPartySlug(id) ? await this.register.findParty(id) : undefined;
    if (!party) throw new ApiError('not-found', 'Parten finns inte.');
    return registerPage(await this.model(session, { editing: { party } }));
  }

  @Post()
  async saveParty(@Body() body: unknown, @CurrentSession() session: CoordinatorSession, @Res() response: Response): Promise<void> {
    const values = formValues(body);
    const { id = '', _csrf: _token, ...fields } = values;
    const input = {
      name: fields.name ?? '',
      kind: fields.kind ?? '',
      ...(fields.usualBody ? { usualBody: fields.usualBody } : {}),
      ...(fields['population.count'] || fields['population.year']
        ? { population: { count: numberFrom(fields['population.count']), year: numberFrom(fields['population.year']) } }
        : {}),
    };
    const editing = await this.register.findParty(id);
    const fail = async (status: number, errors: FieldErrors) => {
      const failed: FailedForm = { form: 'party', values, errors };
      response.status(status).type('html').send(registerPage(await this.model(session, { failed, ...(editing ? { editing: { party: editing } } : {}) })));
    };
    const parsed = partyInputSchema.safeParse(input);
    const errors: FieldErrors = {
      ...idError(id),
      ...(parsed.success ? {} : fieldErrorsFrom(parsed.error.issues)),
    };
    if (!parsed.success || Object.keys(errors).length > 0) return fail(400, errors);
    const { party, created } = await this.register.saveParty(id, parsed.data);
    response.redirect(303, `/parter?klart=${created ? 'tillagd' : 'sparad'}-${party.id}`);
  }

  @Post('grupper')
  async saveGroup(@Body() body: unknown, @CurrentSession() session: CoordinatorSession, @Res() response: Response): Promise<void> {
    const values = formValues(body);
    const raw = (body ?? {}) as Record<string, unknown>;
    const chosen = ([] as unknown[]).concat(raw.parties ?? []).filter((party): party is string => typeof party === 'string');
    const id = values.id ?? '';
    const editing = (await this.register.listGroups()).find((group) => group.id === id);
    const fail = async (status: number, errors: FieldErrors) => {
      const failed: FailedForm = { form: 'group', values, chosen, errors };
      response.status(status).type('html').send(registerPage(await this.model(session, { failed, ...(editing ? { editing: { group: editing } } : {}) })));
    };
    const parsed = groupInputSchema.safeParse({ name: values.name ?? '', parties: chosen });
    const errors: FieldErrors = {
      ...idError(id),
      ...(parsed.success ? {} : fieldErrorsFrom(parsed.error.issues)),
    };
    if (!parsed.success || Object.keys(errors).length > 0) return fail(400, errors);
    try {
      await this.register.saveGroup(id, parsed.data);
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal) throw error;
      return fail(refusal.status, { parties: refusal.message });
    }
    response.redirect(303, `/parter?klart=grupp-${id}`);
  }

  /** From Parter, or from a case page (`tillbaka`), which it then shows again with the new link. */
  @Post(':id/dra-in-lankar')
  async revokeLinks(@Param('id') id: string, @Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    if (!isPartySlug(id)) throw new ApiError('not-found', 'Parten finns inte.');
    await this.register.revokeLinks(id);
    const back = typeof body?.tillbaka === 'string' && CASE_PAGE.test(body.tillbaka) ? body.tillbaka : undefined;
    response.redirect(303, back ? `${back}?indragna=${id}` : `/parter?klart=indragna-${id}`);
  }

  @Post(':id/avsluta')
  async retire(@Param('id') id: string, @CurrentSession() session: CoordinatorSession, @Res() response: Response): Promise<void> {
    if (!isPartySlug(id)) throw new ApiError('not-found', 'Parten finns inte.');
    try {
      await this.register.retireParty(id);
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal || refusal.status === 404) throw error;
      response.status(refusal.status).type('html').send(registerPage(await this.model(session, { done: refusal.message })));
      return;
    }
    response.redirect(303, `/parter?klart=avslutad-${id}`);
  }

  private async model(session: CoordinatorSession, extra: Partial<RegisterPageModel>): Promise<RegisterPageModel> {
    const [parties, groups] = await Promise.all([this.register.listAllParties(), this.register.listGroups()]);
    const named = extra.done ? { done: nameIn(extra.done, parties, groups) } : {};
    return { coordinator: signedIn(session), parties, groups, ...extra, ...named };
  }
}

/** A new party's or group's id as the API takes it (a slug), or why not. */
function idError(id: string): FieldErrors {
  return isPartySlug(id) ? {} : { id: 'Små bokstäver a–z, siffror och bindestreck, 2–40 tecken, först en bokstav eller siffra.' };
}

/** A number field: blank is absent, anything else a number (or NaN, which the schema refuses). */
function numberFrom(value: string | undefined): number | undefined {
  return value === undefined || value === '' ? undefined : Number(value);
}

/** What `?klart=` says, in words; the party's id is named afterwards. */
function doneText(done: string): string {
  const match = /^(tillagd|sparad|avslutad|grupp|indragna)-([a-z0-9][a-z0-9-]{1,39})$/.exec(done);
  if (!match) return '';
  if (match[1] === 'indragna') return `Alla länkar till {${match[2]}} är indragna. Nya länkar skickas med nästa påminnelse.`;
  const words = { tillagd: 'är tillagd', sparad: 'är sparad', avslutad: 'är avslutad', grupp: 'är sparad' } as const;
  return match[1] === 'grupp' ? `Gruppen {grupp:${match[2]}} är sparad.` : `Parten {${match[2]}} ${words[match[1] as keyof typeof words]}.`;
}

function nameIn(text: string, parties: readonly { id: string; name: string }[], groups: readonly { id: string; name: string }[]): string {
  return text
    .replace(/\{grupp:([a-z0-9-]+)\}/, (_whole, id: string) => groups.find((group) => group.id === id)?.name ?? id)
    .replace(/\{([a-z0-9-]+)\}/, (_whole, id: string) => parties.find((party) => party.id === id)?.name ?? id);
}

import { Injectable } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { createHash, randomUUID } from 'node:crypto';
import type { CaseView, CostSharesView, CreateCaseInput, DashboardQuery, DashboardView, ListCasesQuery, ReadStep } from '../../libs/contract';
import {
  CLOSED_STAGES,
  STAGE_LABELS,
  addDays,
  costShares,
  forecastOf,
  medianDays,
  addMonths,
  applyDelta,
  newestProcessDefinition,
  refuseOpening,
  type Actor,
  type CaseOpening,
  type CaseState,
  type Stage,
  type ValidityTerms,
} from '../../libs/domain';
import { CaseRepository } from '../../libs/persistence';
import type { StepReceipt } from '../../libs/workflow-contract/case.messages';
import { ApiError } from './api-error';
import { fileIdsOf, presentCase, presentDashboard } from './case.presenter';
import { FileStorageService } from './file-storage.service';
import { CaseWorkflowClient } from './case-workflow.client';
import { ApiConfig } from './api-config';
import { Clock } from './clock';
import { CaseLinks } from '../../libs/links/case-links';
import { RegisterService } from './register.service';
import { StepsUnderWay } from './steps-under-way';

/** The case decisions of the API: writes go to the workflows, reads to the read model. */
/** Cases read per query when the matrix reads them all. */
const MATRIX_READ_SIZE = 1000;

@Injectable()
export class CaseService {
  private readonly stepsUnderWay = new StepsUnderWay();

  constructor(
    private readonly workflows: CaseWorkflowClient,
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
    private readonly links: CaseLinks,
    private readonly config: ApiConfig,
    private readonly register: RegisterService,
    private readonly files: FileStorageService,
  ) {}

  async create(input: CreateCaseInput, actor: Actor, requestId?: string): Promise<CaseView> {
    // A retried creation with the same key lands on the same case id, so it is started once.
    const id = requestId ? caseIdFromKey(requestId) : randomUUID();
    if (input.parties !== undefined && input.group !== undefined) {
      throw new ApiError('validation', 'Ange antingen parter eller en grupp, inte båda.');
    }
    // The register is read here, once; the case keeps these ids and names whatever the register becomes.
    const parties = await this.register.resolveCaseParties({ parties: input.parties, group: input.group });
    if (parties.length === 0) throw new ApiError('validation', 'Registret har inga aktiva parter.');
    const attachedFiles = await this.files.refsFor(
      (input.attachments ?? []).flatMap((attachment) => (attachment.file ? [attachment.file] : [])),
      actor,
    );
    const today = this.clock.today();
    const opening: CaseOpening = {
      id,
      title: input.title,
      reference: input.reference || null,
      parties: parties.map((party) => party.id),
      partyNames: Object.fromEntries(parties.map((party) => [party.id, party.name])),
      deadline: input.deadline ?? null,
      attachments: (input.attachments ?? []).map(({ title, url, file }) =>
        file ? { title, file: attachedFiles.get(file)!, version: 1, date: today } : { title, url: url! },
      ),
      networkDecision: input.networkDecision,
      actor,
      requestId: requestId ?? null,
      ...(input.reminders ? { reminders: input.reminders } : {}),
      ...(input.validity ? { validity: validityTerms(input.validity) } : {}),
      ...(input.followUp ? { followUp: input.followUp } : {}),
      ...(input.extendsCase ? { extendsCase: input.extendsCase } : {}),
      ...(input.financing ? { financing: input.financing } : {}),
      ...(input.escalationDays ? { escalationDays: input.escalationDays } : {}),
      ...(input.owner ? { owner: input.owner } : {}),
      ...(input.proposal && (input.proposal.coverLetter || input.proposal.decisionWording) ? { proposal: input.proposal } : {}),
    };
    const definition = newestProcessDefinition(input.process ?? 'regional-agreement');
    const refusal = refuseOpening(opening, definition);
    if (refusal) throw refusal;
    if (input.extendsCase && !(await this.cases.findById(input.extendsCase))) {
      throw new ApiError('not-found', 'Ärendet som ska förlängas finns inte.');
    }
    const process = { id: definition.id, version: definition.version };
    const openedAt = new Date().toISOString();
    const state = await this.afterClose(id, requestId, async () => this.afterWrite(id, await this.workflows.open({ opening, process, openedAt })));
    return this.present(state, this.clock.today());
  }

  /** A case, or undefined when there is none. */
  async find(id: string): Promise<CaseView | undefined> {
    const state = await this.cases.findById(id);
    return state ? this.present(state, this.clock.today()) : undefined;
  }

  /** When each of these cases is expected in force, for those waiting on parties (null: some party has nothing to go by). */
  async expectedInForce(caseIds: readonly string[]): Promise<Map<string, string | null>> {
    const states = (await Promise.all(caseIds.map((id) => this.cases.findById(id)))).filter(
      (state): state is CaseState => state !== null && state.stage === 'decisions',
    );
    const usual = await this.usualDays([...new Set(states.flatMap((state) => state.parties.map((answer) => answer.party)))]);
    const today = this.clock.today();
    return new Map(states.map((state) => [state.id, forecastOf(state, usual, today).inForceBy]));
  }

  /** Each party's usual time from the recommendation to its decision: the middle of its own past (the domain's rule). */
  private async usualDays(parties: readonly string[]): Promise<Map<string, number>> {
    const usual = new Map<string, number>();
    for (const [party, taken] of await this.cases.daysToDecide(parties)) {
      const median = medianDays(taken);
      if (median !== null) usual.set(party, median);
    }
    return usual;
  }

  /** The case, with its forecast while it waits on parties. */
  async get(id: string): Promise<CaseView> {
    const state = await this.cases.findById(id);
    if (!state) throw new ApiError('not-found', 'Ärendet finns inte.');
    const today = this.clock.today();
    const view = await this.present(state, today);
    if (view.stage !== 'decisions' || view.waitingOn.length === 0) return view;
    const forecast = forecastOf(state, await this.usualDays(view.waitingOn), today);
    return { ...view, forecast: { inForceBy: forecast.inForceBy, parties: forecast.parties.map((entry) => ({ ...entry })) } };
  }

  async list(query: ListCasesQuery): Promise<{ items: CaseView[]; total: number }> {
    if (query.waitingOn !== undefined && !(await this.register.isKnownBody(query.waitingOn))) {
      throw new ApiError('validation', `Okänd part eller instans: ${query.waitingOn}.`, [{ path: 'waitingOn', message: 'Okänd part eller instans.' }]);
    }
    const today = this.clock.today();
    const { items, total } = await this.cases.list({
      stage: query.stage,
      waitingOn: query.waitingOn,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      ...(query.q ? { text: query.q } : {}),
      ...(query.owner ? { owner: query.owner } : {}),
      today,
      limit: query.limit,
      offset: query.offset,
    });
    const names = await this.registerNamesFor(items);
    return { items: await this.presentAll(items, today, names), total };
  }

  /** The decided and closed cases (in force, rejected, withdrawn, closed, expired), newest first, a page at a time. */
  async closedCases(page: { text?: string; limit: number; offset: number }): Promise<{ items: CaseView[]; total: number }> {
    const today = this.clock.today();
    const { items, total } = await this.cases.list({ stages: CLOSED_STAGES, ...(page.text ? { text: page.text } : {}), today, limit: page.limit, offset: page.offset });
    const names = await this.registerNamesFor(items);
    return { items: await this.presentAll(items, today, names), total };
  }

  /**
   * The cases the matrix shows, newest first: the newest `limit` of them, or (without a
   * limit, for the CSV) every one, read a thousand at a time; and how many match.
   */
  async listForMatrix(filter: { stage?: Stage; party?: string; text?: string; owner?: string }, limit?: number): Promise<{ cases: CaseView[]; total: number }> {
    const today = this.clock.today();
    const states: CaseState[] = [];
    let total = 0;
    do {
      const pageSize = Math.min(MATRIX_READ_SIZE, (limit ?? Infinity) - states.length);
      const page = await this.cases.list({ stage: filter.stage, waitingOn: filter.party, text: filter.text, owner: filter.owner, today, limit: pageSize, offset: states.length });
      states.push(...page.items);
      total = page.total;
      if (page.items.length < pageSize) break;
    } while (states.length < Math.min(total, limit ?? Infinity));
    const names = await this.registerNamesFor(states);
    return { cases: await this.presentAll(states, today, names), total };
  }

  /** Each party's share of the case's cost over the parties still in, with the register's population. */
  async costShares(id: string): Promise<CostSharesView> {
    const state = await this.cases.findById(id);
    if (!state) throw new ApiError('not-found', 'Ärendet finns inte.');
    // A case without financing has nothing to share: an empty split, not an error.
    if (!state.financing) return { key: null, populationYear: null, amount: 0, period: null, shares: [] };
    const register = await this.register.listAllParties();
    const populations = new Map(register.flatMap((party) => (party.population ? [[party.id, party.population] as const] : [])));
    const names = new Map(register.map((party) => [party.id, party.name]));
    const shares = costShares(state.financing, state.parties, populations);
    return { ...shares, shares: shares.shares.map((share) => ({ ...share, name: state.partyNames?.[share.party] ?? names.get(share.party) ?? share.party })) };
  }

  /** Each party's own link for a case, for the coordinator to copy. */
  async partyLinks(view: CaseView): Promise<Record<string, string>> {
    return Object.fromEntries(await Promise.all(view.parties.map(async (answer) => [answer.party, await this.links.partyPage(view.id, answer.party)] as const)));
  }

  /** The URL of a party's own response page for a case. */
  async partyLink(id: string, party: string): Promise<{ url: string }> {
    const state = await this.cases.findById(id);
    if (!state) throw new ApiError('not-found', 'Ärendet finns inte.');
    if (!state.parties.some((answer) => answer.party === party)) {
      throw new ApiError('not-found', 'Parten finns inte i ärendet.');
    }
    return { url: await this.links.partyPage(id, party) };
  }

  /** A step read against its kind (libs/contract/step-kinds), taken by `actor`. */
  async record(
    id: string,
    step: ReadStep,
    actor: Actor,
    requestId?: string,
    partyNamedBy: 'path' | 'body' = 'body',
    by?: string,
  ): Promise<CaseView> {
    try {
      const files = await this.files.refsFor(step.fileIds, actor);
      const alone = this.stepsUnderWay.begin(id);
      try {
        // The case as it stands, read beside the step (not before it): with the step's change, the case after it.
        const before = alone ? this.cases.findById(id).catch(() => null) : null;
        return await this.step(id, requestId, async () => {
          const receipt = await this.workflows.send(id, requestId, (sender) => step.send(sender, actor, by, files));
          return this.afterWrite(id, receipt, await before);
        });
      } finally {
        this.stepsUnderWay.end(id);
      }
    } catch (error) {
      // The case knows only its own parties; whether a refused one exists at all is the register's to say.
      // Asked only after a refusal, so that a step needs no database on its way to the workflow.
      if (step.party !== undefined && refusedAs(error, 'conflict')) await this.register.requireKnown(step.party, partyNamedBy);
      throw error;
    }
  }

  async dashboard(page: DashboardQuery = { limit: 50, offset: 0 }): Promise<DashboardView> {
    const today = this.clock.today();
    const parties = await this.register.listAllParties();
    const active = parties.filter((party) => !party.retired).map((party) => party.id);
    const names = new Map(parties.map((party) => [party.id, party.name]));
    return presentDashboard(await this.cases.dashboard(today, active, page), today, names);
  }

  private async present(state: CaseState, today: string): Promise<CaseView> {
    const [view] = await this.presentAll([state], today, await this.registerNamesFor([state]));
    return view;
  }

  /** Many cases as the contract shows them, with the register's names and the files they refer to looked up once. */
  private async presentAll(states: readonly CaseState[], today: string, names?: ReadonlyMap<string, string>): Promise<CaseView[]> {
    const files = await this.files.facts(states.flatMap(fileIdsOf));
    return states.map((state) => presentCase(state, today, names, files));
  }

  /** The register's names, only when some case is older than the names cases keep. */
  private async registerNamesFor(states: readonly CaseState[]): Promise<ReadonlyMap<string, string> | undefined> {
    if (states.every((state) => state.partyNames)) return undefined;
    return new Map((await this.register.listAllParties()).map((party) => [party.id, party.name]));
  }

  /**
   * The case as the read model holds it once a write has answered: the workflow answers
   * only after its change is projected, so the read model is at least that far. (A
   * workflow of older code answers with its whole state, which has a sequence too.)
   * The copy read beside the step, with the step's change, is that case when nothing came
   * between; else it is read again.
   */
  private async afterWrite(id: string, receipt: Pick<StepReceipt, 'sequence' | 'change'>, before?: CaseState | null): Promise<CaseState> {
    const changed = before && receipt.change ? applyDelta(before, receipt.change) : undefined;
    if (changed) return changed;
    const state = await this.cases.findById(id);
    if (!state || state.sequence < receipt.sequence) {
      throw new ApiError('unavailable', 'Steget är registrerat men ärendet kunde inte läsas. Försök igen med samma Idempotency-Key.');
    }
    return state;
  }

  private async step(id: string, requestId: string | undefined, call: () => Promise<CaseState>): Promise<CaseView> {
    return this.present(await this.afterClose(id, requestId, call), this.clock.today());
  }

  /**
   * A closed case's workflow has completed and takes no updates. A retry of the request
   * that was applied still gets the case; any other step is refused as not fitting.
   */
  private async afterClose(id: string, requestId: string | undefined, call: () => Promise<CaseState>): Promise<CaseState> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      const stored = await this.cases.findById(id);
      if (!stored) throw new ApiError('not-found', 'Ärendet finns inte.');
      if (requestId && stored.history.some((entry) => entry.requestId === requestId)) return stored;
      throw new ApiError('conflict', `Ärendet är avslutat (${STAGE_LABELS[stored.stage]}) och tar inte emot fler steg.`);
    }
  }
}

function refusedAs(error: unknown, code: string): boolean {
  return error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === code;
}

/** The contract's period (first day and months) as the domain's (first and last day). */
function validityTerms({ months, ...terms }: NonNullable<CreateCaseInput['validity']>): ValidityTerms {
  return { ...terms, to: addDays(addMonths(terms.from, months), -1) };
}

function caseIdFromKey(key: string): string {
  const hex = createHash('sha256').update(`overens:case:${key}`).digest('hex');
  // Shaped as a version-5-like UUID so that it fits the uuid column.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

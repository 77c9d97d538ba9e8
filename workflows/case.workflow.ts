import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  patched,
  proxyActivities,
  proxyLocalActivities,
  isCancellation,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  DomainError,
  applyStep,
  applyTimerEvent,
  deltaBetween,
  earliestOpenDeadline,
  findProcessDefinition,
  deadlineOf,
  isClosed,
  isUndecided,
  isSettled,
  openCase,
  partiesToRemindNow,
  projectionOf,
  recordReminder,
  refuseReminderNow,
  refuseStep,
  timerDay,
  timerOutlook,
  waitingOn,
  TIMER_HOUR_UTC,
  type CaseDelta,
  type CaseOpening,
  type CaseState,
  type CaseStep,
  type ProcessDefinition,
  type Actor,
  type TimerEvent,
} from '../libs/domain';
import type { CaseActivities, CaseChange, CoordinatorNoticeKind, PartyNotice, RecommendationNotice } from '../libs/workflow-contract/case.activity-types';
import {
  STEP_KINDS,
  awaitProjection,
  caseStateQuery,
  remindParties,
  stepFrom,
  stepUpdate,
  type StepKind,
  type StepReceipt,
} from '../libs/workflow-contract/case.messages';
import { DEADLINE_ATTRIBUTE, STAGE_ATTRIBUTE, WAITING_ON_ATTRIBUTE, searchableIds } from '../libs/workflow-contract/search-attributes';

// The read model must catch up however long the database is away; mail however long SMTP is.
const RETRY_FOREVER = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;

// Since RECOMMENDATION_SENT, the council's recommendation (and a revision) goes by e-mail to
// each party then to decide, with its own links, once the change is in the read model.
const RECOMMENDATION_SENT = 'recommendation-sent';

// Since PARTY_NOTICES, a party that answers gets a receipt for its registry, and every party
// is told when the agreement enters force; each once its change is in the read model.
const PARTY_NOTICES = 'receipts-and-in-force-notice';

// Since NOTICE_OUTBOX, those notices go into an outbox with the projection of their step,
// written with it, and the workers send them from there once the step is committed:
// no activity per answer, and no workflow task to take its result.
const NOTICE_OUTBOX = 'party-notices-through-outbox';

// A projection takes milliseconds: one lost with its worker is retried elsewhere after 10 seconds, not 30.
const { projectCase } = proxyActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry: RETRY_FOREVER });

// Since LOCAL_PROJECTION, the projection runs inside the workflow task that made the change:
// one task and one marker per answer. While the database is away the first retries wait in
// the worker; from 5 seconds on each waits on a timer, so the task is not held open.
const LOCAL_PROJECTION = 'projection-as-local-activity';
const { projectCase: projectCaseLocally } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: RETRY_FOREVER,
  localRetryThreshold: '5 seconds',
});

// A reminder round may send to hundreds of addresses.
const { sendReminders, notifyCoordinators, sendRecommendation, sendPartyNotice } = proxyActivities<CaseActivities>({ startToCloseTimeout: '2 minutes', retry: RETRY_FOREVER });

export interface CaseWorkflowInput {
  readonly opening: CaseOpening;
  readonly process: { readonly id: string; readonly version: number };
  /** A case carried on from an earlier run (continue-as-new), with everything projected. */
  readonly resume?: { readonly state: CaseState };
  /**
   * When the API opened the case, and wrote that opening into the read model: the
   * workflow opens it at the same instant, so both hold the same case. Absent in cases
   * started before, which were opened at the workflow's own time.
   */
  readonly openedAt?: string;
}

/**
 * One case, from the network's approval until it closes. The workflow holds the truth;
 * every change is projected to the read model in order, and an update answers only once
 * its change is there, so a reply is never ahead of what the API can read.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const definition = requireDefinition(input.process.id, input.process.version);
  const publishSearchAttributes = searchAttributePublisher(definition);
  let state = input.resume?.state ?? openCase(input.opening, definition, input.openedAt ?? nowIso());
  let projectedSequence = input.resume?.state.sequence ?? 0;
  const wakeDirectly = patched(DIRECT_WAKE);
  publishSearchAttributes(state);

  const receiptOf = (reached: CaseState, change?: CaseDelta): StepReceipt => ({ caseId: reached.id, sequence: reached.sequence, ...(change ? { change } : {}) });
  const whenProjected = async (reached: CaseState, change?: CaseDelta): Promise<StepReceipt> => {
    await condition(() => projectedSequence >= reached.sequence);
    return receiptOf(reached, change);
  };
  // Since DIRECT_WAKE, the answers that wait for their change to be projected, each answered by the projection.
  const unanswered: { readonly sequence: number; readonly answer: () => void }[] = [];
  const answerProjected = (): void => {
    for (let index = 0; index < unanswered.length; ) {
      if (unanswered[index].sequence <= projectedSequence) unanswered.splice(index, 1)[0].answer();
      else index += 1;
    }
  };
  const untilProjected = (change?: CaseDelta): Promise<StepReceipt> => {
    const reached = state;
    if (!wakeDirectly) return whenProjected(reached, change);
    if (projectedSequence >= reached.sequence) return Promise.resolve(receiptOf(reached, change));
    return new Promise((resolve) => unanswered.push({ sequence: reached.sequence, answer: () => resolve(receiptOf(reached, change)) }));
  };
  // Since DIRECT_WAKE, the loop waits on this, woken by a step, a reminder or its alarm.
  let wake: (() => void) | undefined;
  const changedOrRang = (seen: number, waiting: Alarm | undefined): Promise<void> | undefined =>
    state.sequence !== seen || waiting?.rang === true ? undefined : new Promise<void>((resolve) => (wake = resolve));
  // Temporal applies an update id once per run; after continue-as-new the history is the guard.
  const alreadyApplied = (): boolean => {
    const requestId = currentUpdateInfo()?.id;
    return requestId !== undefined && state.history.some((entry) => entry.requestId === requestId);
  };
  const validate = (step: CaseStep): void => {
    if (alreadyApplied()) return;
    const refusal = refuseStep(state, step, definition);
    if (refusal) throw toFailure(refusal);
  };
  // Recommendations and notices to send once their change is projected (cases with timers: the ones that live on).
  const recommendations: Omit<RecommendationNotice, 'caseId' | 'title' | 'reference' | 'attachments'>[] = [];
  const notices: QueuedPartyNotice[] = [];
  const noticesInFlight = new Set<Promise<unknown>>();
  const apply = (step: CaseStep, actor: Actor, by?: string): Promise<StepReceipt> => {
    if (alreadyApplied()) return untilProjected();
    const before = state;
    const requestId = currentUpdateInfo()?.id ?? null;
    state = applyStep(state, step, definition, { at: nowIso(), actor, requestId, ...(by ? { by } : {}) });
    wake?.();
    publishSearchAttributes(state);
    if (definition.timers && patched(PARTY_NOTICES)) {
      notices.push(...partyNoticesAfter(before, state, step).map((notice) => ({ id: notice.noticeId, sequence: state.sequence, requestId, notice })));
    }
    const kind = step.kind === 'council' && step.outcome === 'recommend' ? 'recommended' : step.kind === 'revision' ? 'revised' : undefined;
    const asked = state.parties.filter(isUndecided);
    if (kind && definition.timers && state.stage === 'decisions' && asked.length > 0 && patched(RECOMMENDATION_SENT)) {
      recommendations.push({
        noticeId: `${state.id}:${kind}:${state.sequence}`,
        kind,
        date: step.date,
        note: ('note' in step ? step.note : undefined) ?? null,
        parties: asked.map((answer) => ({ party: answer.party, deadline: deadlineOf(answer, state) })),
      });
    }
    // The step's change goes with its answer: the API has the case after it without reading it back.
    return untilProjected(deltaBetween(before, state));
  };

  // Every kind of step on every definition: the domain refuses what a definition does not take.
  const registerStep = <K extends StepKind>(kind: K): void => {
    setHandler(
      stepUpdate(kind),
      (input) => {
        const { step, actor, by } = stepFrom(kind, input);
        return apply(step, actor, by);
      },
      { validator: (input) => validate(stepFrom(kind, input).step) },
    );
  };
  for (const kind of STEP_KINDS) registerStep(kind);
  setHandler(awaitProjection, () => untilProjected());
  setHandler(caseStateQuery, () => state);

  const project = async (): Promise<void> => {
    const snapshot = state;
    const projection = projectionOf(snapshot, definition, projectedSequence);
    if (patched(LOCAL_PROJECTION)) {
      // Written before Temporal commits this task: the fence lets a later task replace it.
      const { runId, historyLength } = workflowInfo();
      const change: CaseChange = { ...projection, fence: { run: runId, task: historyLength, after: projectedSequence } };
      const queued = notices.length > 0 && patched(NOTICE_OUTBOX) ? notices.splice(0) : [];
      await projectCaseLocally(queued.length > 0 ? { ...change, notices: queued } : change);
    } else {
      await projectCase(projection);
    }
    projectedSequence = snapshot.sequence;
    answerProjected();
  };

  if (!definition.timers) {
    // Cases of definitions without timers end when they close, as they always have.
    for (;;) {
      await condition(() => projectedSequence < state.sequence);
      await project();
      if (isClosed(state.stage) && projectedSequence === state.sequence) break;
    }
    await condition(allHandlersFinished);
    return state;
  }

  setHandler(
    remindParties,
    async ({ actor, party }) => {
      if (alreadyApplied()) return untilProjected();
      const requestId = currentUpdateInfo()?.id ?? null;
      const parties = partiesToRemindNow(state, definition, party);
      const delivery = await sendReminders({
        reminderId: `${state.id}:now:${requestId ?? state.sequence}`,
        caseId: state.id,
        title: state.title,
        reference: state.reference,
        kind: 'now',
        parties,
      });
      state = recordReminder(state, { kind: 'now', date: timerDay(nowIso()), parties }, delivery, { at: nowIso(), actor, requestId });
      wake?.();
      publishSearchAttributes(state);
      return untilProjected();
    },
    {
      validator: ({ party }) => {
        if (alreadyApplied()) return;
        const refusal = refuseReminderNow(state, definition, party);
        if (refusal) throw toFailure(refusal);
      },
    },
  );

  /** Sends what a due timer event asks for, then records it. */
  const takeTimerEvent = async (event: TimerEvent): Promise<void> => {
    const context = { at: nowIso(), actor: 'system' as const, requestId: null };
    if (event.kind === 'reminders') {
      const delivery = await sendReminders({
        reminderId: `${state.id}:${event.date}:${event.reminderKind}`,
        caseId: state.id,
        title: state.title,
        reference: state.reference,
        kind: event.reminderKind,
        parties: event.parties,
      });
      state = recordReminder(state, { kind: event.reminderKind, date: event.date, parties: event.parties }, delivery, context);
    } else {
      const before = state;
      state = applyTimerEvent(state, event, context);
      const notice = noticeOf(before, state, event);
      if (notice) {
        await notifyCoordinators({
          noticeId: `${state.id}:${notice.kind}:${notice.date}`,
          caseId: state.id,
          title: state.title,
          reference: state.reference,
          ...notice,
        });
      }
      if (event.kind === 'escalation' && state.escalation) {
        await sendPartyNotice({
          noticeId: `${state.id}:escalation:${event.date}`,
          caseId: state.id,
          title: state.title,
          reference: state.reference,
          kind: 'escalation',
          parties: event.parties.map(({ party, deadline }) => ({ party, deadline })),
          days: state.escalation.days,
        });
      }
    }
    publishSearchAttributes(state);
  };

  let alarm: Alarm | undefined;
  for (;;) {
    if (projectedSequence < state.sequence) {
      await project();
      continue;
    }
    const recommendation = recommendations.shift();
    if (recommendation) {
      const { id: caseId, title, reference, attachments, proposal } = state;
      await sendRecommendation({ ...recommendation, caseId, title, reference, attachments: attachments ?? [], ...(proposal ? { proposal } : {}) });
      continue;
    }
    // Receipts and notices go out beside the loop: an answer's reply never waits for the
    // e-mail about an earlier one, nor for one lost with its worker until it is retried.
    for (let queued = notices.shift(); queued; queued = notices.shift()) {
      const sending = sendPartyNotice(queued.notice);
      noticesInFlight.add(sending);
      const settled = () => noticesInFlight.delete(sending);
      void sending.then(settled, settled);
    }
    const today = timerDay(nowIso());
    if (isSettled(state, definition, today)) break;
    const { due, next } = timerOutlook(state, definition, today);
    if (due) {
      await takeTimerEvent(due);
      continue;
    }
    if (workflowInfo().continueAsNewSuggested && allHandlersFinished()) {
      await Promise.all(noticesInFlight);
      await continueAsNew<typeof caseWorkflow>({ ...input, resume: { state } });
    }
    const seen = state.sequence;
    if (patched(STEADY_ALARM)) {
      alarm = alarmFor(next, alarm, () => wake?.());
      const waiting = alarm;
      if (wakeDirectly) {
        // Woken straight from the handler: the steps of one workflow task are all applied
        // before the loop goes on (a handler's first part runs as its update is taken).
        // (A wake-up for a loop that is not waiting resolves a promise already resolved: nothing.)
        const woken = changedOrRang(seen, waiting);
        if (woken) await woken;
      } else {
        await condition(() => state.sequence !== seen || waiting?.rang === true);
      }
    } else {
      await condition(() => state.sequence !== seen, next === null ? undefined : untilTimerDay(next));
    }
  }
  await Promise.all(noticesInFlight);
  await condition(allHandlersFinished);
  return state;
}

type QueuedPartyNotice = NonNullable<CaseChange['notices']>[number];

/** A receipt for a party's answer; and the notice to every party when the step brought the agreement into force. */
function partyNoticesAfter(before: CaseState, after: CaseState, step: CaseStep): PartyNotice[] {
  const about = { caseId: after.id, title: after.title, reference: after.reference };
  const notices: PartyNotice[] = [];
  if (step.kind === 'decision') {
    notices.push({
      ...about,
      noticeId: `${after.id}:receipt:${after.sequence}`,
      kind: 'receipt',
      party: step.party,
      outcome: step.outcome,
      date: step.date,
      body: step.body ?? null,
      paragraph: step.paragraph ?? null,
      partyReference: step.partyReference ?? null,
      recordedAt: after.history[after.history.length - 1].at,
    });
  }
  if (after.stage === 'in-force' && before.stage !== 'in-force') {
    const joined = after.parties.filter((answer) => answer.status === 'adopted' || answer.status === 'signed').map((answer) => answer.party);
    notices.push({
      ...about,
      noticeId: `${after.id}:in-force:${after.sequence}`,
      kind: 'in-force',
      date: step.date,
      parties: after.parties.map((answer) => answer.party),
      joined,
      outside: after.parties.map((answer) => answer.party).filter((party) => !joined.includes(party)),
      validity: after.validity ? { from: after.validity.from, to: after.validity.to } : null,
    });
  }
  return notices;
}

/** What the coordinators are told of a timer event, if anything. */
function noticeOf(
  before: CaseState,
  after: CaseState,
  event: Exclude<TimerEvent, { kind: 'reminders' }>,
): { kind: CoordinatorNoticeKind; date: string; parties: string[] } | undefined {
  switch (event.kind) {
    case 'close':
      return {
        kind: 'consultation-closed',
        date: event.date,
        parties: after.parties.filter((answer) => answer.status === 'unanswered').map((answer) => answer.party),
      };
    case 'validity-warning':
      return { kind: 'validity-expiring', date: event.ends, parties: [] };
    case 'validity-end':
      if (event.renewTo !== null) return { kind: 'validity-renewed', date: event.renewTo, parties: [] };
      return {
        kind: event.terminatedBy.length > 0 ? 'validity-terminated' : 'validity-ended',
        date: before.validity?.to ?? event.date,
        parties: [...event.terminatedBy],
      };
    case 'follow-up-due':
      return { kind: 'follow-up-due', date: event.date, parties: [] };
    case 'escalation':
      return { kind: 'party-overdue', date: event.date, parties: event.parties.map((entry) => entry.party) };
  }
}

// Since DIRECT_WAKE, a step's answer is given by the projection that writes its change,
// and the loop is woken by the step itself, not by conditions the SDK checks after each
// task's work: two fewer passes into the workflow's sandbox per answer, and fewer promises.
const DIRECT_WAKE = 'answers-and-loop-woken-directly';

// Since STEADY_ALARM, a step that leaves the next timer day as it was leaves its timer
// running: no timer cancelled and started again with every answer.
const STEADY_ALARM = 'steady-alarm';

/** A timer to the timers' hour of a day, kept while that day stays the next one. */
interface Alarm {
  readonly day: string;
  rang: boolean;
  readonly scope: CancellationScope;
}

/** The alarm for the next timer day: the one already set when the day is the same, else a new one. */
function alarmFor(day: string | null, current: Alarm | undefined, onRing?: () => void): Alarm | undefined {
  if (current && !current.rang && current.day === day) return current;
  if (current && !current.rang) current.scope.cancel();
  if (day === null) return undefined;
  const alarm: Alarm = { day, rang: false, scope: new CancellationScope() };
  alarm.scope
    .run(() => sleep(untilTimerDay(day)))
    .then(
      () => {
        alarm.rang = true;
        onRing?.();
      },
      (error: unknown) => {
        if (!isCancellation(error)) throw error;
      },
    );
  return alarm;
}

/** Milliseconds until the timers' hour on a day; zero when it has passed. */
function untilTimerDay(day: string): number {
  const at = Date.parse(`${day}T${String(TIMER_HOUR_UTC).padStart(2, '0')}:00:00Z`);
  return Math.max(1, at - Date.now());
}

function requireDefinition(id: string, version: number): ProcessDefinition {
  const definition = findProcessDefinition(id, version);
  if (!definition) throw ApplicationFailure.nonRetryable(`Unknown process definition ${id} v${version}`, 'validation');
  return definition;
}

// Since UNCHANGED_ATTRIBUTES_KEPT, a step that leaves the case's search attributes as they
// were (a meeting planned, minutes posted) writes no upsert: one event less, and no write
// to the server's visibility store.
const UNCHANGED_ATTRIBUTES_KEPT = 'unchanged-search-attributes-kept';

/** Publishes a case's search attributes, remembering the last ones to tell a change. */
function searchAttributePublisher(definition: ProcessDefinition): (state: CaseState) => void {
  let published: string | undefined;
  return (state) => {
    const attributes = [
      { key: STAGE_ATTRIBUTE, value: state.stage },
      // Cut to Temporal's size limit, which a case of 16 parties never reaches: no replay sees a change.
      { key: WAITING_ON_ATTRIBUTE, value: searchableIds(waitingOn(state, definition)) },
      { key: DEADLINE_ATTRIBUTE, value: deadlineAttribute(state, definition) },
    ];
    const fingerprint = JSON.stringify(attributes);
    if (fingerprint === published && patched(UNCHANGED_ATTRIBUTES_KEPT)) return;
    published = fingerprint;
    upsertSearchAttributes(attributes);
  };
}

/** The earliest open deadline where parties have their own; the case's deadline as before otherwise. */
function deadlineAttribute(state: CaseState, definition: ProcessDefinition): Date | null {
  const deadline = definition.timers ? earliestOpenDeadline(state, definition) : state.deadline;
  return deadline === null ? null : new Date(`${deadline}T00:00:00Z`);
}

function toFailure(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true });
}

/** Workflow time: deterministic on replay. */
function nowIso(): string {
  return new Date().toISOString();
}

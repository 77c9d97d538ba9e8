import type { AttachmentView, CaseView, DashboardView, FileView } from '../../libs/contract';
import {
  addDays,
  addMonths,
  askedSince,
  availableSteps,
  deadlineOf,
  findProcessDefinition,
  finalFrom,
  isFinal,
  isOverdue,
  partyNameIn,
  stageEnteredOn,
  versionOf,
  waitingOn,
  wholeDaysBetween,
  type Attachment,
  type CaseState,
  type FileRef,
  type ProcessDefinition,
} from '../../libs/domain';
import type { DashboardRows } from '../../libs/persistence';

/** What is known of uploaded files besides their id and checksum, by id. */
export type FileFacts = ReadonlyMap<string, { readonly name: string; readonly mediaType: string; readonly size: number; readonly uploadedAt: string }>;

/** Every uploaded file a case refers to: its attachments' versions and the parties' minutes excerpts. */
export function fileIdsOf(state: CaseState): string[] {
  return [
    ...state.attachments.flatMap((attachment) => [attachment.file?.id, ...(attachment.earlier ?? []).map((earlier) => earlier.file.id)]),
    ...state.parties.map((answer) => answer.minutesFile?.id),
  ].filter((id): id is string => id !== undefined);
}

function presentFile(ref: FileRef, files: FileFacts): FileView {
  const facts = files.get(ref.id);
  // A file missing from the store is still named by the case: shown, and its download answers 404.
  return { id: ref.id, sha256: ref.sha256, name: facts?.name ?? 'fil saknas', mediaType: facts?.mediaType ?? 'application/octet-stream', size: facts?.size ?? 0, uploadedAt: facts?.uploadedAt ?? null };
}

function presentAttachment(attachment: Attachment, files: FileFacts): AttachmentView {
  return {
    title: attachment.title,
    url: attachment.url ?? null,
    file: attachment.file ? presentFile(attachment.file, files) : null,
    version: attachment.version ?? null,
    date: attachment.date ?? null,
    note: attachment.note ?? null,
    earlier: (attachment.earlier ?? []).map((earlier) => ({ version: earlier.version, file: presentFile(earlier.file, files), date: earlier.date, note: earlier.note ?? null })),
  };
}

/** The contract's view of a case, from the workflow's state or the read model alike. */
/** `registerNames`: names for a case older than the names cases keep; `files`: the uploaded files it refers to. */
export function presentCase(state: CaseState, today: string, registerNames: ReadonlyMap<string, string> | undefined, files: FileFacts): CaseView {
  const definition = definitionOf(state);
  const waiting = waitingOn(state, definition);
  return {
    id: state.id,
    process: state.process,
    title: state.title,
    reference: state.reference,
    stage: state.stage,
    waitingOn: waiting,
    waitingSince: waiting.length > 0 ? stageEnteredOn(state) : null,
    daysWaiting: waiting.length > 0 ? daysFrom(stageEnteredOn(state), today) : null,
    stageRecordedAt: state.stageSince,
    deadline: state.deadline,
    overdue: isOverdue(state, definition, today),
    openedAt: state.openedAt,
    version: versionOf(state),
    attachments: state.attachments.map((attachment) => presentAttachment(attachment, files)),
    parties: state.parties.map((answer) => ({
      ...answer,
      minutesFile: answer.minutesFile ? presentFile(answer.minutesFile, files) : null,
      name: state.partyNames?.[answer.party] ?? registerNames?.get(answer.party) ?? partyNameIn(state, answer.party),
      deadline: deadlineOf(answer, state),
      postedOn: answer.postedOn ?? null,
      final: isFinal(answer, today, definition),
      finalFrom: finalFrom(answer, definition),
      appealedOn: answer.appealedOn ?? null,
      askedSince: askedSince(state, answer.party),
    })),
    history: state.history.map(({ requestId: _requestId, reopened, unreachable, ...entry }) => ({
      ...entry,
      ...(reopened ? { reopened: [...reopened] } : {}),
      ...(unreachable ? { unreachable: [...unreachable] } : {}),
    })),
    processName: definition.name,
    availableSteps: availableSteps(state, definition).map((available) => ({
      step: available.step,
      ...(available.parties ? { parties: [...available.parties] } : {}),
    })),
    reminders: state.reminders ? { ...state.reminders, daysBefore: [...state.reminders.daysBefore] } : null,
    escalationDays: state.escalation?.days ?? null,
    owner: state.owner ?? null,
    validity: state.validity
      ? {
          from: state.validity.from,
          to: state.validity.to,
          renewal: state.validity.renewal ? { ...state.validity.renewal } : null,
          warnDays: state.validity.warnDays,
          noticeDate: state.validity.renewal ? addMonths(state.validity.to, -state.validity.renewal.noticeMonths) : null,
          terminations: state.validity.terminations.map((termination) => ({ ...termination })),
        }
      : null,
    followUp: state.followUp
      ? {
          owner: state.followUp.owner,
          due: state.followUp.due,
          status: state.followUp.status,
          doneOn: state.followUp.doneOn,
          overdue: state.followUp.status === 'open' && state.followUp.due < today,
        }
      : null,
    extendsCase: state.extendsCase ?? null,
    inForceSince: state.inForceSince ?? null,
    proposal: { coverLetter: state.proposal?.coverLetter ?? null, decisionWording: state.proposal?.decisionWording ?? null },
    financing: state.financing ? { ...state.financing, key: typeof state.financing.key === 'string' ? state.financing.key : { ...state.financing.key } } : null,
  };
}

/** Whole days from a date until today. */
function daysFrom(date: string, today: string): number {
  return wholeDaysBetween(new Date(`${date}T00:00:00Z`), new Date(`${today}T00:00:00Z`));
}

/** `names`: the register's names (retired parties too), for the counts per party. */
export function presentDashboard(rows: DashboardRows, today: string, names: ReadonlyMap<string, string>): DashboardView {
  return {
    byStage: rows.byStage,
    blocked: rows.blocked.map((row) => ({
      id: row.id,
      title: row.title,
      stage: row.stage,
      waitingOn: row.waitingOn,
      waitingSince: row.waitingSince,
      daysWaiting: daysFrom(row.waitingSince, today),
      deadline: row.deadline,
      overdue: row.overdue,
      scheduled: row.scheduled.map((scheduled) => ({ ...scheduled, passed: scheduled.date < today })),
    })),
    blockedTotal: rows.blockedTotal,
    overdueTotal: rows.overdueTotal,
    byParty: rows.byParty.map((row) => ({ party: row.party, name: names.get(row.party) ?? row.party, waiting: row.waiting, overdue: row.overdue })),
    followUps: rows.followUps.map((row) => ({ ...row, overdue: row.due < today })),
    periods: rows.periods.map((row) => ({ ...row, renews: row.renews && row.terminatedBy.length === 0 })),
  };
}

function definitionOf(state: CaseState): ProcessDefinition {
  const definition = findProcessDefinition(state.process.id, state.process.version);
  if (!definition) throw new Error(`Unknown process definition ${state.process.id} v${state.process.version}`);
  return definition;
}

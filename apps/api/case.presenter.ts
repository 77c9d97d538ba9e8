import type { CaseView, DashboardView } from '../../libs/contract';
import {
  findProcessDefinition,
  isOverdue,
  versionOf,
  waitingOn,
  wholeDaysBetween,
  type CaseState,
  type ProcessDefinition,
} from '../../libs/domain';
import type { DashboardRows } from '../../libs/persistence';

/** The contract's view of a case, from the workflow's state or the read model alike. */
export function presentCase(state: CaseState, today: string): CaseView {
  const definition = definitionOf(state);
  const waiting = waitingOn(state, definition);
  return {
    id: state.id,
    process: state.process,
    title: state.title,
    reference: state.reference,
    stage: state.stage,
    waitingOn: waiting,
    waitingSince: waiting.length > 0 ? state.stageSince : null,
    deadline: state.deadline,
    overdue: isOverdue(state, definition, today),
    openedAt: state.openedAt,
    version: versionOf(state),
    attachments: state.attachments.map((item) => ({ ...item })),
    parties: state.parties.map((answer) => ({ ...answer })),
    history: state.history.map(({ requestId: _requestId, reopened, ...entry }) => ({ ...entry, ...(reopened ? { reopened: [...reopened] } : {}) })),
  };
}

export function presentDashboard(rows: DashboardRows, now: Date, today: string): DashboardView {
  return {
    byStage: rows.byStage,
    blocked: rows.blocked.map((row) => ({
      id: row.id,
      title: row.title,
      stage: row.stage,
      waitingOn: row.waitingOn,
      waitingSince: row.waitingSince.toISOString(),
      daysWaiting: wholeDaysBetween(row.waitingSince, now),
      deadline: row.deadline,
      overdue: row.overdue,
      scheduled: row.scheduled.map((scheduled) => ({ ...scheduled, passed: scheduled.date < today })),
    })),
    byParty: rows.byParty,
  };
}

function definitionOf(state: CaseState): ProcessDefinition {
  const definition = findProcessDefinition(state.process.id, state.process.version);
  if (!definition) throw new Error(`Unknown process definition ${state.process.id} v${state.process.version}`);
  return definition;
}

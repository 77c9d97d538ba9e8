import { Injectable } from '@nestjs/common';
import { addMonths, type Stage } from '../../libs/domain';
import { CaseRepository } from '../../libs/persistence';
import { CaseService } from './case.service';
import { Clock } from './clock';
import { RegisterService } from './register.service';

/** Waiting cases a report lists; past this it says how many more there are. */
const REPORT_WAITING_LIMIT = 500;
/** Agreements ending within this many months of the meeting are in the report. */
const EXPIRING_WITHIN_MONTHS = 6;
/** Follow-ups due within this many months of the meeting (and every overdue one). */
const FOLLOW_UPS_WITHIN_MONTHS = 3;

/**
 * What the network or the council is told at a meeting: which parties have decided since
 * the last one, what still waits and on whom (overdue first, with when each case is
 * expected in force), agreements about to end and follow-ups due.
 */
export interface StatusReport {
  readonly meeting: string;
  readonly since: string;
  /** The day the report was drawn up: overdue and forecasts are as of then. */
  readonly today: string;
  readonly decided: readonly {
    readonly id: string;
    readonly title: string;
    readonly reference: string | null;
    readonly stage: Stage;
    readonly decisions: readonly { readonly party: string; readonly outcome: string; readonly date: string }[];
  }[];
  readonly waiting: readonly {
    readonly id: string;
    readonly title: string;
    readonly stage: Stage;
    readonly waitingOn: readonly string[];
    readonly waitingSince: string;
    readonly deadline: string | null;
    readonly overdue: boolean;
    /** When the case is expected in force, while it waits on parties and each has something to go by. */
    readonly inForceBy: string | null;
  }[];
  readonly waitingTotal: number;
  readonly overdueTotal: number;
  readonly expiring: readonly { readonly id: string; readonly title: string; readonly to: string; readonly renews: boolean }[];
  readonly followUps: readonly { readonly id: string; readonly title: string; readonly owner: string; readonly due: string; readonly overdue: boolean }[];
}

@Injectable()
export class StatusReportService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly forecasts: CaseService,
    private readonly register: RegisterService,
    private readonly clock: Clock,
  ) {}

  /** The report for a meeting, with the decisions dated after `since` up to the meeting. */
  async report(meeting: string, since: string): Promise<StatusReport> {
    const today = this.clock.today();
    const active = (await this.register.listAllParties()).filter((party) => !party.retired).map((party) => party.id);
    const [decisions, dashboard] = await Promise.all([
      this.cases.decisionsBetween(since, meeting),
      this.cases.dashboard(today, active, { limit: REPORT_WAITING_LIMIT, offset: 0 }),
    ]);
    const decided = new Map<string, StatusReport['decided'][number] & { decisions: { party: string; outcome: string; date: string }[] }>();
    for (const row of decisions) {
      const entry = decided.get(row.caseId) ?? { id: row.caseId, title: row.title, reference: row.reference, stage: row.stage, decisions: [] };
      entry.decisions.push({ party: row.party, outcome: row.outcome, date: row.date });
      decided.set(row.caseId, entry);
    }
    const inForceBy = await this.forecasts.expectedInForce(dashboard.blocked.filter((row) => row.stage === 'decisions').map((row) => row.id));
    return {
      meeting,
      since,
      today,
      decided: [...decided.values()],
      waiting: dashboard.blocked.map((row) => ({
        id: row.id,
        title: row.title,
        stage: row.stage,
        waitingOn: row.waitingOn,
        waitingSince: row.waitingSince,
        deadline: row.deadline,
        overdue: row.overdue,
        inForceBy: inForceBy.get(row.id) ?? null,
      })),
      waitingTotal: dashboard.blockedTotal,
      overdueTotal: dashboard.overdueTotal,
      expiring: dashboard.periods
        .filter((period) => period.to <= addMonths(meeting, EXPIRING_WITHIN_MONTHS))
        .map((period) => ({ id: period.id, title: period.title, to: period.to, renews: period.renews && period.terminatedBy.length === 0 })),
      followUps: dashboard.followUps
        .filter((followUp) => followUp.due <= addMonths(meeting, FOLLOW_UPS_WITHIN_MONTHS))
        .map((followUp) => ({ ...followUp, overdue: followUp.due < today })),
    };
  }
}

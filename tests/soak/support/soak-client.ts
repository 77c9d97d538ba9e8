import { setTimeout as sleep } from 'node:timers/promises';
import { SEED_PARTY_IDS as PARTY_IDS } from '../../support/seed-register';
import { decision, newCase } from '../../support/case-requests';
import type { Ledger, Submission, SubmissionKind } from './ledger';
import type { SeededRandom } from './seeded-random';

/** Shared by the clients and the soak: when to stop starting work, and when to stop retrying. */
export interface ClientControl {
  stopping: boolean;
  giveUpAt: number;
}

const REQUEST_TIMEOUT_MS = 60_000;
/** Parties of one case answering at the same time (Temporal admits 10 in-flight updates a workflow). */
const PARTIES_AT_ONCE = 4;
const CONCURRENT_DUPLICATE_CHANCE = 0.1;
const LATER_DUPLICATE_CHANCE = 0.15;
const MISFIT_CHANCE = 0.3;
const SCHEDULED_FIRST_CHANCE = 0.3;
const OPT_OUT_CHANCE = 0.05;

interface Answer {
  readonly status: number;
  readonly body: any;
}

/**
 * One client of the API, as the contract asks clients to behave: every write with an
 * idempotency key, retried with the same key on 503 or a lost connection. It opens cases
 * one after another, has the council recommend, and lets the 16 parties answer (some
 * first schedule a meeting, a few stand outside), doubling some sends on purpose and
 * sending some steps that must be refused.
 */
export class SoakClient {
  constructor(
    private readonly name: string,
    private readonly api: { readonly url: string; readonly token: string },
    private readonly ledger: Ledger,
    private readonly random: SeededRandom,
    private readonly control: ClientControl,
  ) {}

  async run(): Promise<void> {
    for (let caseNumber = 1; !this.control.stopping; caseNumber++) {
      await this.oneCase(`${this.name}-${caseNumber}`);
    }
  }

  private async oneCase(base: string): Promise<void> {
    const opened = await this.submit({ key: `${base}-open`, kind: 'open' }, '/api/cases', newCase({ title: `Soak ${base}`, reference: base }));
    if (!opened) return;
    const caseId = String(opened.body.id);
    opened.submission.caseId = caseId;
    if (this.control.stopping) return;

    const council = await this.submit(
      { key: `${base}-council`, kind: 'council', caseId },
      `/api/cases/${caseId}/council`,
      { outcome: 'recommend', date: '2024-06-13' },
    );
    if (!council) return;
    if (!this.control.stopping && this.random.chance(MISFIT_CHANCE)) {
      // A second recommendation does not fit a case that waits on the parties.
      await this.submit(
        { key: `${base}-council-again`, kind: 'council', caseId, expectRefusal: true },
        `/api/cases/${caseId}/council`,
        { outcome: 'recommend', date: '2024-06-14' },
      );
    }

    const plans = this.random.shuffle([...PARTY_IDS]).map((party) => ({
      party,
      outcomes: [
        ...(this.random.chance(SCHEDULED_FIRST_CHANCE) ? ['scheduled'] : []),
        this.random.chance(OPT_OUT_CHANCE) ? 'opted-out' : 'adopted',
      ],
    }));
    let allAcknowledged = true;
    const queue = [...plans];
    const answerParties = async (): Promise<void> => {
      for (let plan = queue.shift(); plan; plan = queue.shift()) {
        for (const [index, outcome] of plan.outcomes.entries()) {
          if (this.control.stopping) {
            allAcknowledged = false;
            return;
          }
          const date = outcome === 'scheduled' ? '2024-09-01' : '2024-09-12';
          const answered = await this.submit(
            { key: `${base}-${plan.party}-${index}`, kind: 'decision', caseId, party: plan.party, outcome },
            `/api/cases/${caseId}/decisions`,
            decision(plan.party, outcome, { date }),
          );
          if (!answered) {
            allAcknowledged = false;
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: PARTIES_AT_ONCE }, answerParties));

    if (allAcknowledged && !this.control.stopping && this.random.chance(MISFIT_CHANCE)) {
      // Every party has answered: the case is closed and takes no new answer.
      const party = this.random.pick([...PARTY_IDS]);
      await this.submit(
        { key: `${base}-late`, kind: 'decision', caseId, party, outcome: 'rejected', expectRefusal: true },
        `/api/cases/${caseId}/decisions`,
        decision(party, 'rejected'),
      );
    }
  }

  /**
   * Sends one step until it has a final answer (sometimes twice at once), checks what it
   * was told, and sometimes sends the acknowledged key once more. Resolves to the answer
   * when it was acknowledged.
   */
  private async submit(
    spec: { key: string; kind: SubmissionKind; caseId?: string; party?: string; outcome?: string; expectRefusal?: boolean },
    path: string,
    body: Record<string, unknown>,
  ): Promise<{ submission: Submission; body: any } | undefined> {
    const submission = this.ledger.begin(spec);
    const sends = [this.sendUntilFinal(submission, path, body)];
    if (this.random.chance(CONCURRENT_DUPLICATE_CHANCE)) {
      this.ledger.counters.duplicatesSent += 1;
      sends.push(this.sendUntilFinal(submission, path, body));
    }
    const answers = await Promise.all(sends);
    const final = answers.filter((answer): answer is Answer => answer !== undefined);
    if (final.length === 0) {
      this.ledger.giveUp(submission);
      return undefined;
    }
    const kinds = new Set(final.map((answer) => (isSuccess(answer.status) ? 'success' : 'failure')));
    if (kinds.size > 1) {
      this.ledger.anomaly(`${submission.key}: the same key sent twice at once was answered ${final.map((answer) => answer.status).join(' and ')}`);
    }
    const answer = final[0];
    if (!isSuccess(answer.status)) {
      this.ledger.refuse(submission, answer.status);
      if (!submission.expectRefusal) {
        this.ledger.anomaly(`${submission.key}: a step that fits was refused with ${answer.status} ${JSON.stringify(answer.body)}`);
      } else if (answer.status !== 409) {
        this.ledger.anomaly(`${submission.key}: a misfit step was answered ${answer.status}, not 409: ${JSON.stringify(answer.body)}`);
      }
      return undefined;
    }
    this.ledger.acknowledge(submission, answer.status);
    if (submission.expectRefusal) {
      this.ledger.anomaly(`${submission.key}: a step that does not fit was accepted (${answer.status})`);
    } else if (!showsStep(answer.body, submission)) {
      this.ledger.anomaly(`${submission.key}: the reply (${answer.status}) does not show the step it acknowledged`);
    }
    if (this.random.chance(LATER_DUPLICATE_CHANCE)) {
      this.ledger.counters.duplicatesSent += 1;
      const again = await this.sendUntilFinal(submission, path, body);
      if (again && !isSuccess(again.status)) {
        this.ledger.anomaly(`${submission.key}: acknowledged, then the same key sent again was answered ${again.status} ${JSON.stringify(again.body)}`);
      }
    }
    return { submission, body: answer.body };
  }

  /** One send after another with the same key until an answer other than 503; undefined when given up. */
  private async sendUntilFinal(submission: Submission, path: string, body: Record<string, unknown>): Promise<Answer | undefined> {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 && Date.now() > this.control.giveUpAt) return undefined;
      const answer = await this.post(path, body, submission.key);
      submission.sends += 1;
      if (answer.status === 0) {
        this.ledger.counters.retriesAfterLostConnection += 1;
      } else if (answer.status >= 500) {
        if (answer.status !== 503) this.ledger.anomaly(`${submission.key}: answered ${answer.status} ${JSON.stringify(answer.body)}`);
        this.ledger.counters.retriesAfter503 += 1;
      } else {
        return answer;
      }
      await sleep(this.random.between(200, 1000));
    }
  }

  private async post(path: string, body: Record<string, unknown>, key: string): Promise<Answer> {
    this.ledger.counters.requests += 1;
    const started = Date.now();
    try {
      const response = await fetch(`${this.api.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.api.token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      if (isSuccess(response.status)) this.ledger.requestLatencies.push(Date.now() - started);
      return { status: response.status, body: parsed };
    } catch {
      // The API died under the request, or did not answer in time: the outcome is unknown.
      return { status: 0, body: undefined };
    }
  }
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** An acknowledged step's reply is the case with that step in its history. */
function showsStep(body: any, submission: Submission): boolean {
  const history: { type: string; party?: string }[] = Array.isArray(body?.history) ? body.history : [];
  if (submission.kind === 'open') return history.some((entry) => entry.type === 'network.approve');
  if (submission.kind === 'council') return history.some((entry) => entry.type === 'council.recommend');
  return history.some((entry) => entry.type === `decision.${submission.outcome}` && entry.party === submission.party);
}

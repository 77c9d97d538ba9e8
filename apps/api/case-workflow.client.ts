import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseState } from '../../libs/domain';
import type { CaseWorkflowInput } from '../../workflows/case.workflow';
import { caseWorkflow } from '../../workflows/case.workflow';
import {
  awaitProjection,
  caseWorkflowId,
  moveDeadline,
  recordAppeal,
  recordCouncilOutcome,
  recordDecision,
  recordFollowUp,
  recordNetworkOutcome,
  recordPosting,
  recordTermination,
  remindParties,
  reviseCase,
  type AppealInput,
  type CouncilOutcomeInput,
  type DeadlineInput,
  type DecisionInput,
  type FollowUpInput,
  type NetworkOutcomeInput,
  type PostingInput,
  type ReminderNowInput,
  type RevisionInput,
  type TerminationInput,
} from '../../libs/workflow-contract/case.messages';
import { ApiConfig } from './api-config';

/** The API's only way to the case workflows. Every write returns the workflow's new state. */
@Injectable()
export class CaseWorkflowClient {
  constructor(
    private readonly client: Client,
    private readonly config: ApiConfig,
  ) {}

  /** Starts the case's workflow once; a second start of the same case id changes nothing. */
  async open(input: CaseWorkflowInput): Promise<CaseState> {
    const workflowId = caseWorkflowId(input.opening.id);
    try {
      await this.client.workflow.start(caseWorkflow, {
        workflowId,
        taskQueue: this.config.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return this.withinTimeout(() => this.client.workflow.getHandle(workflowId).executeUpdate(awaitProjection));
  }

  recordCouncilOutcome(caseId: string, input: CouncilOutcomeInput, requestId?: string): Promise<CaseState> {
    return this.update(caseId, recordCouncilOutcome, input, requestId);
  }

  recordNetworkOutcome(caseId: string, input: NetworkOutcomeInput, requestId?: string): Promise<CaseState> {
    return this.update(caseId, recordNetworkOutcome, input, requestId);
  }

  recordDecision(caseId: string, input: DecisionInput, requestId?: string): Promise<CaseState> {
    return this.update(caseId, recordDecision, input, requestId);
  }

  revise(caseId: string, input: RevisionInput, requestId?: string): Promise<CaseState> {
    return this.update(caseId, reviseCase, input, requestId);
  }

  moveDeadline(caseId: string, input: DeadlineInput, requestId?: string): Promise<CaseState> {
    return this.update(caseId, moveDeadline, input, requestId);
  }

  recordPosting(caseId: string, input: PostingInput, requestId?: string): Promise<CaseState> {
    return this.update(caseId, recordPosting, input, requestId);
  }

  recordAppeal(caseId: string, input: AppealInput, requestId?: string): Promise<CaseState> {
    return this.update(caseId, recordAppeal, input, requestId);
  }

  recordTermination(caseId: string, input: TerminationInput, requestId?: string): Promise<CaseState> {
    return this.update(caseId, recordTermination, input, requestId);
  }

  recordFollowUp(caseId: string, input: FollowUpInput, requestId?: string): Promise<CaseState> {
    return this.update(caseId, recordFollowUp, input, requestId);
  }

  remindParties(caseId: string, input: ReminderNowInput, requestId?: string): Promise<CaseState> {
    return this.update(caseId, remindParties, input, requestId);
  }

  private update<Input>(
    caseId: string,
    definition: UpdateDefinition<CaseState, [Input]>,
    input: Input,
    requestId: string | undefined,
  ): Promise<CaseState> {
    const handle = this.client.workflow.getHandle(caseWorkflowId(caseId));
    // The request's Idempotency-Key is the update id: Temporal applies an update id once.
    return this.withinTimeout(() =>
      handle.executeUpdate(definition, { args: [input], ...(requestId ? { updateId: requestId } : {}) }),
    );
  }

  private withinTimeout<T>(call: () => Promise<T>): Promise<T> {
    return this.client.connection.withDeadline(Date.now() + this.config.updateTimeoutMs, call);
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { CaseWorkflowInput } from '../../workflows/case.workflow';
import { caseWorkflow } from '../../workflows/case.workflow';
import { awaitProjection, caseWorkflowId, type StepReceipt } from '../../libs/workflow-contract/case.messages';
import type { UpdateSender } from '../../libs/contract';
import { findProcessDefinition, openCase, projectionOf } from '../../libs/domain';
import { CaseProjectionRepository, PartyNoticeOutboxRepository } from '../../libs/persistence';
import { ApiConfig } from './api-config';
import { currentRequestId } from './request-log';

/** The API's only way to the case workflows. Every write answers once its change is in the read model. */
@Injectable()
export class CaseWorkflowClient {
  constructor(
    private readonly client: Client,
    private readonly config: ApiConfig,
    private readonly notices: PartyNoticeOutboxRepository,
    private readonly projection: CaseProjectionRepository,
  ) {}

  /**
   * Starts the case's workflow and writes its opening into the read model: the opening
   * the workflow itself holds, from the same input at the same instant, so the reply
   * waits for no worker (the workflow's own projection of it then changes nothing). A
   * second start of the same case id starts nothing and waits until the first one's
   * workflow has put it in the read model; a case whose workflow has closed is refused
   * by that update, as any other step is.
   */
  async open(input: CaseWorkflowInput & { readonly openedAt: string }): Promise<StepReceipt> {
    const workflowId = caseWorkflowId(input.opening.id);
    try {
      await this.withinTimeout(() =>
        this.client.workflow.start(caseWorkflow, { workflowId, taskQueue: this.config.taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      return this.withinTimeout(() => this.client.workflow.getHandle(workflowId).executeUpdate(awaitProjection));
    }
    const definition = findProcessDefinition(input.process.id, input.process.version);
    if (!definition) throw new Error(`Unknown process definition ${input.process.id} v${input.process.version}`);
    const opened = openCase(input.opening, definition, input.openedAt);
    await this.projection.project(projectionOf(opened, definition));
    return { caseId: opened.id, sequence: opened.sequence };
  }

  /**
   * Sends one step's update to the case's workflow. The request's Idempotency-Key is the
   * update id: Temporal applies an update id once. An update answered is committed, so
   * the party notices its step queued may now be sent.
   */
  async send(caseId: string, requestId: string | undefined, step: (sender: UpdateSender) => Promise<StepReceipt>): Promise<StepReceipt> {
    const handle = this.client.workflow.getHandle(caseWorkflowId(caseId));
    const updateIds: string[] = [];
    const receipt = await this.withinTimeout(() =>
      step((update, input) => {
        const updateId = requestId ?? randomUUID();
        updateIds.push(updateId);
        return handle.executeUpdate(update, { args: [input], updateId });
      }),
    );
    // Beside the reply, not before it; a notice nobody confirms is settled by the workers against the workflow.
    for (const updateId of updateIds) void this.notices.confirmStep(caseId, updateId).catch(() => undefined);
    return receipt;
  }

  /** Within the write timeout, and carrying the request's id to Temporal (gRPC metadata `x-request-id`). */
  private withinTimeout<T>(call: () => Promise<T>): Promise<T> {
    const requestId = currentRequestId();
    const timed = () => this.client.connection.withDeadline(Date.now() + this.config.updateTimeoutMs, call);
    return requestId ? this.client.connection.withMetadata({ 'x-request-id': requestId }, timed) : timed();
  }
}

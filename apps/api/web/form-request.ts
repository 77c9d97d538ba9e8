import { randomUUID } from 'node:crypto';
import { HTTP_STATUS } from '../api-error';
import { toApiError } from '../api-exception.filter';
import { idempotencyKey } from '../../../libs/contract';
import { parseInput } from '../zod-input';

/**
 * A form's update id, by the JSON API's rule: the key it carries (a malformed one is a 400,
 * as on the API), or a fresh one when it carries none.
 */
export function formRequestId(sent: string | undefined): string {
  if (sent === undefined || sent === '') return randomUUID();
  return parseInput(idempotencyKey.unwrap(), sent, 'Idempotency-Key');
}

/**
 * A refusal the form shows above its fields, with the API's status for it; anything else
 * (unavailable, internal) is not the form's to show: the error page says it.
 */
export function formRefusal(error: unknown): { status: number; message: string } | undefined {
  const refusal = toApiError(error);
  if (refusal.code !== 'validation' && refusal.code !== 'conflict' && refusal.code !== 'not-found') return undefined;
  return { status: HTTP_STATUS[refusal.code], message: refusal.message };
}

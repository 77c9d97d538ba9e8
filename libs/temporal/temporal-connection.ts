import { Client, Connection } from '@temporalio/client';
import { status as grpcStatus } from '@grpc/grpc-js';
import { CASE_SEARCH_ATTRIBUTES } from '../workflow-contract/search-attributes';
import { indexedValueTypeOf } from './search-attribute-types';

export async function connectClient(address: string, namespace: string): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace });
}

/**
 * Registers the case search attributes on a namespace. Idempotent, so every worker may
 * call it on start; the dev server gets them on its command line too.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const searchAttributes = Object.fromEntries(
    CASE_SEARCH_ATTRIBUTES.map((key) => [key.name, indexedValueTypeOf(key.type)]),
  );
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (error) {
    if ((error as { code?: number }).code !== grpcStatus.ALREADY_EXISTS) throw error;
  }
}

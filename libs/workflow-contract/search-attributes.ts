import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * What Temporal's own UI can filter cases by. Ids and stages only: search attributes
 * are stored unencrypted, so no names, notes or other personal data go here.
 */
export const STAGE_ATTRIBUTE = defineSearchAttributeKey('OverensStage', SearchAttributeType.KEYWORD);
export const WAITING_ON_ATTRIBUTE = defineSearchAttributeKey('OverensWaitingOn', SearchAttributeType.KEYWORD_LIST);
export const DEADLINE_ATTRIBUTE = defineSearchAttributeKey('OverensDeadline', SearchAttributeType.DATETIME);

export const CASE_SEARCH_ATTRIBUTES = [STAGE_ATTRIBUTE, WAITING_ON_ATTRIBUTE, DEADLINE_ATTRIBUTE] as const;

/** Temporal refuses a search attribute value over 2 KiB by default (`limit.searchAttributeSize`). */
const SEARCH_ATTRIBUTE_BYTES = 2048;

/**
 * The ids a keyword-list attribute can hold: all of them while their JSON fits under
 * Temporal's limit, otherwise as many as fit, in order. A case of 16 parties always fits;
 * one waiting on 300 lists its first hundred or so in Temporal's UI, and the read model
 * (the dashboard, `GET /api/cases?waitingOn=`) has them all.
 */
export function searchableIds(ids: readonly string[]): string[] {
  const kept: string[] = [];
  let bytes = 2;
  for (const id of ids) {
    // Each id costs its UTF-8 bytes, two quotes and a comma in the JSON list.
    bytes += utf8Length(id) + 3;
    if (bytes > SEARCH_ATTRIBUTE_BYTES - 64) break;
    kept.push(id);
  }
  return kept;
}

function utf8Length(text: string): number {
  let length = 0;
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return length;
}

import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * What Temporal's own UI can filter cases by. Ids and stages only: search attributes
 * are stored unencrypted, so no names, notes or other personal data go here.
 */
export const STAGE_ATTRIBUTE = defineSearchAttributeKey('OverensStage', SearchAttributeType.KEYWORD);
export const WAITING_ON_ATTRIBUTE = defineSearchAttributeKey('OverensWaitingOn', SearchAttributeType.KEYWORD_LIST);
export const DEADLINE_ATTRIBUTE = defineSearchAttributeKey('OverensDeadline', SearchAttributeType.DATETIME);

export const CASE_SEARCH_ATTRIBUTES = [STAGE_ATTRIBUTE, WAITING_ON_ATTRIBUTE, DEADLINE_ATTRIBUTE] as const;

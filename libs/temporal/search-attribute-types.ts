import { temporal } from '@temporalio/proto';
import { SearchAttributeType } from '@temporalio/common';

const { IndexedValueType } = temporal.api.enums.v1;

export function indexedValueTypeOf(type: SearchAttributeType): temporal.api.enums.v1.IndexedValueType {
  switch (type) {
    case SearchAttributeType.KEYWORD:
      return IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
    case SearchAttributeType.KEYWORD_LIST:
      return IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST;
    case SearchAttributeType.DATETIME:
      return IndexedValueType.INDEXED_VALUE_TYPE_DATETIME;
    case SearchAttributeType.TEXT:
      return IndexedValueType.INDEXED_VALUE_TYPE_TEXT;
    case SearchAttributeType.INT:
      return IndexedValueType.INDEXED_VALUE_TYPE_INT;
    case SearchAttributeType.DOUBLE:
      return IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE;
    case SearchAttributeType.BOOL:
      return IndexedValueType.INDEXED_VALUE_TYPE_BOOL;
  }
}

/** The `--search-attribute` flags of `temporal server start-dev`. */
export function devServerSearchAttributeFlags(keys: readonly { name: string; type: SearchAttributeType }[]): string[] {
  const cliType: Record<SearchAttributeType, string> = {
    [SearchAttributeType.KEYWORD]: 'Keyword',
    [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
    [SearchAttributeType.DATETIME]: 'Datetime',
    [SearchAttributeType.TEXT]: 'Text',
    [SearchAttributeType.INT]: 'Int',
    [SearchAttributeType.DOUBLE]: 'Double',
    [SearchAttributeType.BOOL]: 'Bool',
  };
  return keys.flatMap((key) => ['--search-attribute', `${key.name}=${cliType[key.type]}`]);
}

import { xmlText } from './xml';

/** What a catalogue needs to find the case: Dublin Core, in Swedish. */
export interface CaseDescription {
  readonly identifier: string;
  readonly title: string;
  /** The registry number (diarienummer), when the case has one. */
  readonly reference: string | null;
  readonly creator: string;
  readonly description: string;
  /** The parties, by name. */
  readonly contributors: readonly string[];
  /** YYYY-MM-DD: when the network opened the case, and when it closed. */
  readonly opened: string;
  readonly closed: string | null;
  readonly type: string;
}

export function dublinCore(description: CaseDescription): string {
  const element = (name: string, value: string) => `  <dc:${name}>${xmlText(value)}</dc:${name}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="sv">
${[
  element('identifier', description.identifier),
  ...(description.reference ? [element('identifier', description.reference)] : []),
  element('title', description.title),
  element('creator', description.creator),
  element('description', description.description),
  ...description.contributors.map((name) => element('contributor', name)),
  element('date', description.closed ? `${description.opened}/${description.closed}` : description.opened),
  element('type', description.type),
  element('language', 'sv'),
].join('\n')}
</metadata>
`;
}

import type { DescribedFile } from './package-file';
import { xmlText } from './xml';

/** One thing that happened to the case: a step of its history. */
export interface PreservationEvent {
  readonly id: string;
  readonly type: string;
  /** ISO 8601 instant it was recorded. */
  readonly at: string;
  readonly detail: string;
  /** Who took the step (the coordinator, or a party through its link). */
  readonly agent: string;
}

/**
 * Preservation metadata in PREMIS 3: each data file as an object with its SHA-256 and
 * format, and the case's history as events, each with the agent that took it.
 */
export function premis(files: readonly DescribedFile[], events: readonly PreservationEvent[]): string {
  const agents = [...new Set(events.map((event) => event.agent))];
  const agentId = (agent: string) => `agent-${agents.indexOf(agent) + 1}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<premis:premis xmlns:premis="http://www.loc.gov/premis/v3" version="3.0">
${files
  .map(
    (file) => `  <premis:object xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="premis:file">
    <premis:objectIdentifier><premis:objectIdentifierType>path</premis:objectIdentifierType><premis:objectIdentifierValue>${xmlText(file.path)}</premis:objectIdentifierValue></premis:objectIdentifier>
    <premis:objectCharacteristics>
      <premis:compositionLevel>0</premis:compositionLevel>
      <premis:fixity><premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm><premis:messageDigest>${file.sha256}</premis:messageDigest></premis:fixity>
      <premis:size>${file.size}</premis:size>
      <premis:format><premis:formatDesignation><premis:formatName>${xmlText(file.mimeType)}</premis:formatName></premis:formatDesignation></premis:format>
    </premis:objectCharacteristics>
  </premis:object>`,
  )
  .join('\n')}
${events
  .map(
    (event) => `  <premis:event>
    <premis:eventIdentifier><premis:eventIdentifierType>local</premis:eventIdentifierType><premis:eventIdentifierValue>${xmlText(event.id)}</premis:eventIdentifierValue></premis:eventIdentifier>
    <premis:eventType>${xmlText(event.type)}</premis:eventType>
    <premis:eventDateTime>${xmlText(event.at)}</premis:eventDateTime>
    <premis:eventDetailInformation><premis:eventDetail>${xmlText(event.detail)}</premis:eventDetail></premis:eventDetailInformation>
    <premis:linkingAgentIdentifier><premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType><premis:linkingAgentIdentifierValue>${agentId(event.agent)}</premis:linkingAgentIdentifierValue></premis:linkingAgentIdentifier>
  </premis:event>`,
  )
  .join('\n')}
${agents
  .map(
    (agent) => `  <premis:agent>
    <premis:agentIdentifier><premis:agentIdentifierType>local</premis:agentIdentifierType><premis:agentIdentifierValue>${agentId(agent)}</premis:agentIdentifierValue></premis:agentIdentifier>
    <premis:agentName>${xmlText(agent)}</premis:agentName>
  </premis:agent>`,
  )
  .join('\n')}
</premis:premis>
`;
}

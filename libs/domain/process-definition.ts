import type { Stage } from './case-types';

/** A step a process can take, named `<kind>.<outcome>`; party answers are `decision`. */
export type StepName = `council.${string}` | `network.${string}` | 'decision' | 'revision';

export interface Transition {
  readonly step: StepName;
  readonly from: readonly Stage[];
  /** The next stage, or `by-decisions` when the parties' answers decide it. */
  readonly to: Stage | 'by-decisions';
}

/**
 * A multi-party process as data. The case workflow interprets it, so a new kind of
 * round is a new definition, not new workflow code.
 */
export interface ProcessDefinition {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly initialStage: Stage;
  /** Whom each open stage waits on; `parties` means the parties that have not decided. */
  readonly waitsOn: Partial<Record<Stage, readonly string[] | 'parties'>>;
  readonly transitions: readonly Transition[];
  /** Where the case goes when a party rejects: identical decisions are required. */
  readonly onPartyRejection: Stage;
}

/** The regional agreement (RÖK): network → council recommendation → 16 political decisions. */
export const REGIONAL_AGREEMENT: ProcessDefinition = {
  id: 'regional-agreement',
  version: 1,
  name: 'Regional samverkansöverenskommelse',
  initialStage: 'council',
  waitsOn: { council: ['valfardsradet'], network: ['lchnv'], decisions: 'parties' },
  transitions: [
    { step: 'council.recommend', from: ['council'], to: 'decisions' },
    { step: 'council.refer-back', from: ['council'], to: 'network' },
    { step: 'council.reject', from: ['council'], to: 'rejected' },
    { step: 'network.forward', from: ['network'], to: 'council' },
    { step: 'network.table', from: ['network'], to: 'network' },
    { step: 'network.withdraw', from: ['council', 'network', 'decisions'], to: 'withdrawn' },
    { step: 'network.reject', from: ['network'], to: 'rejected' },
    { step: 'decision', from: ['decisions'], to: 'by-decisions' },
    { step: 'revision', from: ['network', 'decisions'], to: 'by-decisions' },
  ],
  onPartyRejection: 'network',
};

const DEFINITIONS: readonly ProcessDefinition[] = [REGIONAL_AGREEMENT];

export function findProcessDefinition(id: string, version: number): ProcessDefinition | undefined {
  return DEFINITIONS.find((definition) => definition.id === id && definition.version === version);
}

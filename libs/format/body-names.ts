/**
 * What a deployment calls the bodies around its parties: the organisation that
 * coordinates, the network that prepares and the council that recommends. Configuration
 * gives them (Dalarna's by default); pages and e-mails use nothing else.
 */
export interface BodyNames {
  readonly organisation: string;
  readonly network: string;
  /** The network's abbreviation, shown beside its name where one is used ("LCHNV"). */
  readonly networkShort: string | null;
  readonly council: string;
}

export const DALARNA_BODY_NAMES: BodyNames = {
  organisation: 'RSS Dalarna',
  network: 'Länschefsnätverket',
  networkShort: 'LCHNV',
  council: 'Välfärdsrådet',
};

/** Swedish genitive: "Välfärdsrådet" → "Välfärdsrådets", "Ekeby" → "Ekebys"; nothing added after s, x or z ("Borås"). */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

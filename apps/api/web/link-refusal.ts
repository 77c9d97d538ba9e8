/** What a refused link's page says, and whom to ask. */
export function linkRefusedMessage(refusal: 'invalid' | 'revoked', organisation: string): string {
  return refusal === 'revoked'
    ? `Länken har dragits in och gäller inte längre. Be ${organisation} om en ny länk; den kommer också med nästa påminnelse.`
    : `Länken är ogiltig, har gått ut eller gäller ett annat ärende eller en annan part. Be ${organisation} om en ny länk.`;
}

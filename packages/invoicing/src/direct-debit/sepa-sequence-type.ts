/**
 * SEPA sequence types (`SeqTp`): first, recurring, final, one-off collection. Since the EPC SDD
 * Core rulebook of November 2016 a first collection under a recurring mandate may be `RCUR` too,
 * so Kontor collects every month under a recurring mandate (C8) as `RCUR`; the others stay
 * available for banks and mandates that need them.
 */
export const SEPA_SEQUENCE_TYPES = ["FRST", "RCUR", "FNAL", "OOFF"] as const;

/** A SEPA sequence type of {@link SEPA_SEQUENCE_TYPES}. */
export type SepaSequenceType = (typeof SEPA_SEQUENCE_TYPES)[number];

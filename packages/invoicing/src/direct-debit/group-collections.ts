import type { IsoDate } from "../documents/iso-date.js";
import type { DirectDebitCollection } from "./direct-debit-collection.js";
import type { SepaSequenceType } from "./sepa-sequence-type.js";

/** The collections that share one `PmtInf` block: same collection date, sequence type and creditor ID. */
export interface CollectionGroup {
  readonly collectionDate: IsoDate;
  readonly sequenceType: SepaSequenceType;
  readonly creditorId: string;
  /** In the order given. */
  readonly collections: readonly DirectDebitCollection[];
}

/**
 * The collections grouped by (collection date, sequence type, creditor ID): a `PmtInf` block
 * carries one date, one sequence type and one creditor scheme ID for all its transactions. Groups
 * come by ascending date; groups of one date in the order their first collection was given;
 * collections inside a group in the order given.
 */
export function groupCollections(collections: readonly DirectDebitCollection[]): CollectionGroup[] {
  const groups = new Map<string, { collectionDate: IsoDate; sequenceType: SepaSequenceType; creditorId: string; collections: DirectDebitCollection[] }>();
  for (const collection of collections) {
    const key = JSON.stringify([collection.collectionDate, collection.sequenceType, collection.creditorId]);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, {
        collectionDate: collection.collectionDate,
        sequenceType: collection.sequenceType,
        creditorId: collection.creditorId,
        collections: [collection],
      });
    } else {
      group.collections.push(collection);
    }
  }
  // Array#sort is stable: groups of one day keep the order of their first collection.
  return [...groups.values()].sort((a, b) => (a.collectionDate < b.collectionDate ? -1 : a.collectionDate > b.collectionDate ? 1 : 0));
}

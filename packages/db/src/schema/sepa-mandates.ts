// T7/C8 SEPA direct-debit mandates of customers. (Being written.)
export {};

// C9 metered usage of managed-services contracts. (Being written.)
export {};

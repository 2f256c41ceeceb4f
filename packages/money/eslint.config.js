import { kontorConfig } from "@kontor/eslint-config";

export default [
  ...kontorConfig(import.meta.dirname),
  // This is the one package that owns decimal.js (P3).
  { rules: { "no-restricted-imports": "off" } },
];

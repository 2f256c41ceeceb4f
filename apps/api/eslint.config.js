import { kontorConfig } from "@kontor/eslint-config";

export default [
  ...kontorConfig(import.meta.dirname),
  {
    // Fastify plugins and contract setups are async by contract, whether or not they await.
    rules: { "@typescript-eslint/require-await": "off" },
  },
];

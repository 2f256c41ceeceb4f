// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The Kontor ESLint flat config: typescript-eslint's strict type-checked rules for every
 * TypeScript file of the package that calls it.
 *
 * @param {string} tsconfigRootDir the package folder (`import.meta.dirname`)
 */
export function kontorConfig(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ["dist/**", "coverage/**", "**/*.js", "**/*.cjs", "**/*.mjs"] },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
        "@typescript-eslint/consistent-type-imports": "error",
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
        "no-restricted-imports": [
          "error",
          {
            paths: [
              {
                name: "decimal.js",
                message: "Use @kontor/money (P3); only packages/money may import decimal.js.",
              },
            ],
          },
        ],
      },
    },
    {
      files: ["**/*.test.ts"],
      rules: {
        "@typescript-eslint/no-non-null-assertion": "off",
      },
    },
  );
}

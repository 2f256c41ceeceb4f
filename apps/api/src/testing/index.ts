export { createTestApi, type TestApi, type TestTokens } from "./test-api.js";
export { BAECKEREI, MUELLER } from "./fixtures.js";
export { expectProblem } from "./expect-problem.js";
export { PNG_BYTES, wordDocumentEntries, zipArchive, type ZipEntryInput, type ZipOptions } from "@kontor/ticketing/testing";

export { createTestApi, type TestApi, type TestTokens } from "./test-api.js";
export { BAECKEREI, MUELLER } from "./fixtures.js";
export { expectProblem } from "./expect-problem.js";

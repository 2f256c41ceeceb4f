export { buildApi, type ApiOptions } from "./app/build-api.js";
export type { ApiDeps } from "./app/api-deps.js";
export { ProblemError } from "./http/problem.js";

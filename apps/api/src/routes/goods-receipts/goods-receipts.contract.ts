import type { EndpointContract } from "../../testing/endpoint-contract.js";

/** Contract cases of the goods-receipt routes (K9, K11). */
export const goodsReceiptsContract: EndpointContract = {
  name: "goods receipts",
  setup: () => Promise.resolve([]),
};

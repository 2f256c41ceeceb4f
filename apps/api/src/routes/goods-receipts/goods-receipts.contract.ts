import type { EndpointContract } from "../../testing/endpoint-contract.js";

/** Contract cases of the goods-receipt routes (K9, K11). */
export const goodsReceiptsContract: EndpointContract = {
  name: "goods receipts",
  setup: (api) => {
    // K9, K11: a firewall with its UTM license delivered for Müller GmbH.
    const receipt = {
      id: "WE-contract-1",
      organizationId: api.organizations.mueller,
      supplier: "ALSO Deutschland GmbH",
      deliveryNote: "LS-contract-1",
      items: [
        {
          assetId: "asset-contract-gr-fw",
          name: "FortiGate 60F",
          category: "firewall",
          serialNumber: "FGT60F-4711",
          warrantyEnd: "2029-02-28",
          licenses: [{ id: "lic-utm", product: "FortiGuard UTM Bundle", expiresOn: "2026-12-31" }],
        },
      ],
    };
    return Promise.resolve([
      {
        method: "POST",
        route: "/v1/goods-receipts",
        request: { url: "/v1/goods-receipts", body: receipt },
        badInput: { request: { url: "/v1/goods-receipts", body: { ...receipt, items: [{ ...receipt.items[0], warrantyEnd: "2029-02-29" }] } }, field: "body.items.0.warrantyEnd" },
        // K10: Bäckerei Schmidt's manager never learns that the route or Müller exists.
        crossTenant: { expect: 404 },
      },
    ]);
  },
};

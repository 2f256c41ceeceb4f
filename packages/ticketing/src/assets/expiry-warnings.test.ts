import { describe, expect, it } from "vitest";
import { DEFAULT_TICKETING_POLICY } from "../policies/default-ticketing-policies.js";
import { unwrap } from "../test-support/fixtures.js";
import type { Asset } from "./asset.js";
import { expiryWarnings } from "./expiry-warnings.js";
import { receiveGoods } from "./goods-receipt.js";

const server: Asset = {
  id: "asset-srv01",
  organizationId: "org-mueller",
  name: "TERRA SERVER 3230 G5",
  category: "server",
  serialNumber: "TS3230-88213",
  technicalData: { cpu: "Xeon E-2388G", ram: "64 GB", disks: "2× 960 GB SSD RAID1" },
  purchaseDate: "2023-07-03",
  warrantyEnd: "2026-07-02",
  licenses: [
    { id: "lic-ws", product: "Windows Server 2022 Standard", },
    { id: "lic-av", product: "ESET Server Security", expiresOn: "2026-06-15" },
  ],
  source: "inventory",
  recordedAt: "2023-07-05T10:00:00+02:00",
};

describe("asset expiry warnings (K11)", () => {
  it("K11: warranty and license within 30 days warn; perpetual licenses never do", () => {
    const events = unwrap(expiryWarnings([server], "2026-06-05T09:00:00+02:00"));
    expect(events).toEqual([
      { type: "license-expiring", organizationId: "org-mueller", assetId: "asset-srv01", licenseId: "lic-av", expiresOn: "2026-06-15", daysLeft: 10, dedupeKey: "license-expiring:asset-srv01:lic-av:2026-06-15" },
      { type: "warranty-expiring", organizationId: "org-mueller", assetId: "asset-srv01", expiresOn: "2026-07-02", daysLeft: 27, dedupeKey: "warranty-expiring:asset-srv01:2026-07-02" },
    ]);
  });

  it("K11: the lead time is exactly 30 days (day 31 is quiet) and configurable by policy (P1)", () => {
    expect(unwrap(expiryWarnings([server], "2026-06-01T12:00:00+02:00")).map((event) => event.type)).toEqual(["license-expiring"]);
    expect(unwrap(expiryWarnings([server], "2026-06-02T12:00:00+02:00")).map((event) => event.daysLeft)).toEqual([13, 30]);
    const longer = { ...DEFAULT_TICKETING_POLICY, assets: { expiryLeadTimeDays: 60 } };
    expect(unwrap(expiryWarnings([server], "2026-05-05T12:00:00+02:00", "Europe/Berlin", [longer]))).toHaveLength(2);
  });

  it("K11: after the last valid day the event is '…-expired'; 'today' is the Berlin day, not UTC", () => {
    // 23:30 UTC on 15 June is already 16 June in Berlin.
    expect(unwrap(expiryWarnings([server], "2026-06-15T23:30:00Z")).find((event) => event.licenseId === "lic-av")).toMatchObject({ type: "license-expired", daysLeft: -1 });
    expect(unwrap(expiryWarnings([server], "2026-06-15T21:30:00Z")).find((event) => event.licenseId === "lic-av")).toMatchObject({ type: "license-expiring", daysLeft: 0 });
  });

  it("K11: a renewed warranty (new end date) warns again under a new key", () => {
    const renewed = { ...server, warrantyEnd: "2029-07-02", licenses: [] };
    expect(unwrap(expiryWarnings([renewed], "2029-06-10T09:00:00+02:00"))[0]?.dedupeKey).toBe("warranty-expiring:asset-srv01:2029-07-02");
  });
});

describe("goods receipt (K9, K11)", () => {
  it("K11, K9: materials management records the customer's assets before delivery and gets a pick-and-pack ticket", () => {
    const outcome = unwrap(
      receiveGoods({
        id: "gr-4711",
        organizationId: "org-mueller",
        branchId: "br-muenster",
        supplier: "Wortmann AG",
        deliveryNote: "LS-2026-88412",
        receivedAt: "2026-06-03T10:15:00+02:00",
        recordedBy: "staff-lager",
        items: [
          { assetId: "asset-nb-17", name: "TERRA MOBILE 1516", category: "client", serialNumber: "TM1516-0042", warrantyEnd: "2029-06-02", licenses: [{ id: "lic-o365", product: "Microsoft 365 Business Standard", expiresOn: "2027-06-02" }] },
          { assetId: "asset-mon-17", name: "TERRA LCD 2427W", category: "other" },
        ],
      }),
    );
    expect(outcome.assets).toHaveLength(2);
    expect(outcome.assets[0]).toMatchObject({ organizationId: "org-mueller", branchId: "br-muenster", source: "goods-receipt", recordedAt: "2026-06-03T10:15:00+02:00", warrantyEnd: "2029-06-02" });
    expect(outcome.assets[0]?.deliveredAt).toBeUndefined();
    expect(outcome.pickAndPackTicket).toMatchObject({
      kind: "request",
      channel: "schedule",
      subject: "Kommissionieren und Packen: Wortmann AG, Lieferschein LS-2026-88412",
      description: "- TERRA MOBILE 1516 (S/N TM1516-0042)\n- TERRA LCD 2427W",
      scheduleKey: "goods-receipt:gr-4711",
      by: { kind: "staff", id: "staff-lager" },
    });
  });

  it("K11: a receipt without items is an INVALID_INPUT value", () => {
    expect(receiveGoods({ id: "gr-1", organizationId: "o", supplier: "s", deliveryNote: "d", receivedAt: "2026-06-03T10:15:00+02:00", recordedBy: "x", items: [] })).toMatchObject({ ok: false, errors: [{ code: "INVALID_INPUT", path: ["items"] }] });
  });
});

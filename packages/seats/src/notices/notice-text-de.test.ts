import { describe, expect, it } from "vitest";
import { evaluateSeats } from "../evaluation/evaluate-seats.js";
import { workedExample } from "../testing/history-builder.js";
import { unwrap } from "../testing/unwrap.js";
import { PAYMENT_REQUIRED_TITLE, noticeTextDe } from "./notice-text-de.js";

const history = workedExample().build();
const noticeAt = (asOf: string) => {
  const notice = unwrap(evaluateSeats(history, { asOf })).notices[0];
  if (notice === undefined) throw new Error("no notice");
  return noticeTextDe(notice);
};

describe("notice texts (seed 003 wording)", () => {
  it("S4 scenario 1: 'Zahlung für einige Lizenzen erforderlich' until day 30, with both remedies", () => {
    expect(noticeAt("2026-03-03T12:00:00+01:00")).toEqual({
      title: PAYMENT_REQUIRED_TITLE,
      body: "Für 5 Lizenzen von cc aus dem Kaufauftrag PO-1 steht die Zahlung aus. Auf der Liste „Müssen bezahlt werden“ stehen 5 Benutzer. Diese Meldung wird bis zum 01.04.2026 angezeigt oder bis Sie die Begleichung veranlassen.",
      actions: [
        "Auftrag für die unbezahlten Lizenzen erteilen",
        "Zuweisung von Benutzern zum betreffenden Produkt aufheben, um das Lizenzdefizit auszugleichen",
      ],
    });
  });

  it("S5 scenario 2: names the last day to pay and the withdrawal", () => {
    const text = noticeAt("2026-04-10T12:00:00+02:00");
    expect(text.title).toBe("Zahlung für einige Lizenzen erforderlich");
    expect(text.body).toContain("Wird sie nicht bis zum 01.05.2026 veranlasst, werden die Lizenzen entzogen");
  });

  it("S8 scenario 3: suspended licenses, users without access, no further POs", () => {
    const text = noticeAt("2026-05-10T12:00:00+02:00");
    expect(text.title).toBe("Zahlung ausstehend: Lizenzen ausgesetzt");
    expect(text.body).toBe(
      "5 Lizenzen von cc aus dem Kaufauftrag PO-1 wurden nach Ablauf des 01.05.2026 ausgesetzt. 5 Benutzer haben keinen Zugriff mehr (Liste „Kein Zugriff“). Bis Sie die Bezahlung mit Ihrem Fachhändler vereinbart haben, können Sie keine weiteren Kaufaufträge veranlassen.",
    );
  });

  it("settlement done, and the singular of Lizenz", () => {
    expect(noticeTextDe({ kind: "settlement-done", settledAt: "2026-05-10T07:00:00.000Z", purchaseOrders: 1 }).title).toBe(
      "Begleichung aller unbezahlten Lizenzen veranlasst",
    );
    const single = noticeTextDe({
      kind: "licenses-suspended",
      scenario: 3,
      poId: "PO-2",
      productId: "p",
      suspendedLicenses: 1,
      usersWithoutAccess: 0,
      suspendedAt: "2026-05-01T22:00:00.000Z",
      lastDayToPay: "2026-05-01",
    });
    expect(single.body.startsWith("1 Lizenz von p")).toBe(true);
  });
});

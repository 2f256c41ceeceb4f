import { describe, expect, it } from "vitest";
import { accountManagerFlagMail } from "./account-manager-flag-mail.js";

describe("C4 account-manager notices", () => {
  it("C4: an oversized contingent (balance above three months of 10 h) asks to check a smaller one", () => {
    const mail = accountManagerFlagMail({ contractId: "ct-weber", month: "2027-02", flag: "oversized", balanceMinutes: 1_890 }, "Weber Logistik GmbH", 600);
    expect(mail.subject).toBe("Überdimensioniert: Kontingent ct-weber (Weber Logistik GmbH) – Februar 2027");
    expect(mail.text).toContain("Saldo 31,5 Std. (monatlich 10 Std.)");
    expect(mail.text).toContain("kleineres Kontingent");
  });

  it("C4: an overbooked month shows the negative balance with a real minus sign and German decimals", () => {
    const mail = accountManagerFlagMail({ contractId: "ct-1", month: "2026-12", flag: "overbooked", balanceMinutes: -95 }, "Müller GmbH", 1_200);
    expect(mail.subject).toBe("Überbucht: Kontingent ct-1 (Müller GmbH) – Dezember 2026");
    expect(mail.text).toContain("Saldo −1,58 Std. (monatlich 20 Std.)");
  });
});

import { describe, expect, it } from "vitest";
import {
  DEFAULT_TICKET_NUMBER_FORMAT,
  allocateTicketNumber,
  can,
  classifyAttachment,
  computeSlaClocks,
  containedContentTypes,
  createOrganizationDirectory,
  createSlaTerms,
  createTicket,
  decideMailIntake,
  formatTicketNumber,
  parseTicketNumber,
  parsedMailSchema,
  readCredential,
  ticketConfirmation,
  ticketInputFromMail,
  withContainedContentTypes,
  type Actor,
  type MailIntakeContext,
  type Organization,
  type TicketRef,
} from "./index.js";
import { wordDocumentEntries, zipArchive } from "./testing/zip-archive.js";

// The README's examples, statement for statement, with the printed values as assertions.
describe("README examples", () => {
  it("K2, K4: mail intake", () => {
    const mueller: Organization = {
      id: "org-mueller",
      name: "Müller Maschinenbau GmbH",
      address: { street: "Industriestraße 12", postalCode: "48231", city: "Warendorf", country: "DE" },
      branches: [],
      billing: "central",
      serviceReportRecipient: "buchhaltung@mueller-maschinenbau.de",
      newTicketRecipients: ["it-leitung@mueller-maschinenbau.de"],
      statusChangeRecipients: [],
      initialInventoryWanted: false,
      documentation: "existing",
      accountManager: { staffId: "staff-schulte", name: "Jörg Schulte", email: "j.schulte@meinsystemhaus.de" },
      mailDomains: ["mueller-maschinenbau.de"],
      calendarId: "DE-NW",
      zone: "Europe/Berlin",
    };

    const settings = {
      supportAddress: "kundensupport@meinsystemhaus.de",
      supportName: "CSM Kundensupport",
      messageIdDomain: "tickets.meinsystemhaus.de",
    };
    const byMessageId = new Map<string, TicketRef>();
    const context: MailIntakeContext = {
      settings,
      directory: createOrganizationDirectory([mueller]),
      findTicketByMessageId: (id) => byMessageId.get(id),
      findTicketByNumber: () => undefined,
    };

    const mail = parsedMailSchema.parse({
      messageId: "<AM9PR03MB7042C3B1@AM9PR03MB7042.eurprd03.prod.outlook.com>",
      from: { address: "a.becker@mueller-maschinenbau.de", name: "Anna Becker" },
      to: [{ address: "kundensupport@meinsystemhaus.de" }],
      subject: "Drucker im Lager druckt nicht",
      text: "Seit heute früh kommt nichts mehr aus dem Drucker.",
      attachments: [{ filename: "Screenshot.png", contentType: "image/png", size: 48213 }],
    });

    const decision = decideMailIntake(mail, context, "2026-06-03T09:15:00+02:00");
    expect([decision.action, decision.reason.code]).toEqual(["create-ticket", "K2_NEW_TICKET"]);

    let confirmed = false;
    if (decision.action === "create-ticket") {
      const created = createTicket(ticketInputFromMail(decision, "t-1", "T-2026-000123-8"), decision.receivedAt);
      if (created.ok) {
        const confirmation = ticketConfirmation(created.value.ticket, decision.receivedAt, mail, settings);
        expect(confirmation.mail.subject).toBe("[#T-2026-000123-8] Eingangsbestätigung: Drucker im Lager druckt nicht");
        expect(confirmation.receivedAtText).toBe("03.06.2026, 09:15 Uhr (Europe/Berlin)");
        expect(confirmation.mail.headers["Auto-Submitted"]).toBe("auto-generated");
        byMessageId.set("T-2026-000123-8.confirmation@tickets.meinsystemhaus.de", {
          id: "t-1",
          number: "T-2026-000123-8",
          organizationId: "org-mueller",
          requesterEmail: "a.becker@mueller-maschinenbau.de",
          status: "new",
        });
        confirmed = true;
      }
    }
    expect(confirmed).toBe(true);

    const outOfOffice = parsedMailSchema.parse({
      from: { address: "a.becker@mueller-maschinenbau.de" },
      subject: "Automatische Antwort: [#T-2026-000123-8] Eingangsbestätigung",
      inReplyTo: "<T-2026-000123-8.confirmation@tickets.meinsystemhaus.de>",
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    });
    const ignored = decideMailIntake(outOfOffice, context, "2026-06-03T09:16:00+02:00");
    expect([ignored.action, ignored.reason.code]).toEqual(["ignore", "K4_AUTO_REPLY"]);
  });

  it("K7: SLA clock", () => {
    const weekday = [{ start: "08:00", end: "17:00" }];
    const terms = createSlaTerms({
      calendar: "DE-NW",
      businessHours: { zone: "Europe/Berlin", weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
      targets: { normal: { firstResponseMinutes: 240, resolutionMinutes: 1080 } },
    });
    const created = createTicket(
      {
        id: "t-2",
        number: "T-2026-000124-6",
        kind: "incident",
        channel: "portal",
        organizationId: "org-mueller",
        requester: { email: "a.becker@mueller-maschinenbau.de" },
        subject: "VPN bricht ab",
        description: "",
        by: { kind: "customer", id: "pu-anna" },
      },
      "2026-06-03T16:00:00+02:00",
    );
    expect(formatTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, 124, 2026)).toBe("T-2026-000124-6");
    if (!terms.ok || !created.ok) throw new Error("setup failed");
    const report = computeSlaClocks(created.value.ticket.history, terms.value, "2026-06-04T12:00:00+02:00");
    if (!report.ok) throw new Error("report failed");
    expect(report.value.firstResponse.elapsedMinutes).toBe(60);
    expect(report.value.firstResponse.dueAt).toBe("2026-06-05T09:00:00.000Z");
  });

  it("K10, K12: access", () => {
    const anna: Actor = { kind: "portal", id: "pu-anna", role: "portal-reporter", organizationId: "org-mueller" };
    expect(can(anna, "ticket:read", { organizationId: "org-mueller", requesterPortalUserId: "pu-anna" })).toBe(true);
    expect(can(anna, "ticket:read", { organizationId: "org-mueller", requesterPortalUserId: "pu-jonas" })).toBe(false);
    expect(can(anna, "invoice:read", { organizationId: "org-mueller" })).toBe(false);
    expect(can(anna, "ticket:create", { organizationId: "org-baeckerei" })).toBe(false);

    const credential = { id: "cred-fw", organizationId: "org-mueller", label: "Firewall admin", secretRef: "vault://cred-fw" };
    const technician: Actor = { kind: "staff", id: "staff-meier", role: "technician" };
    const read = readCredential(technician, credential, [], "2026-06-10T10:00:00+02:00");
    expect([read.ok, read.audit.granted, read.audit.at]).toEqual([true, true, "2026-06-10T08:00:00.000Z"]);
    const refused = readCredential({ ...anna, role: "portal-manager" }, credential, [], "2026-06-10T10:00:00+02:00");
    expect([refused.ok, refused.audit.granted]).toEqual([false, false]);
  });

  it("K3: screenshots in Word documents", () => {
    const docx = zipArchive(wordDocumentEntries({ image: true }));
    const legacyDoc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
    expect(containedContentTypes(docx)).toEqual(["application/xml", "image/png"]);
    expect(containedContentTypes(legacyDoc)).toBeUndefined();

    const meta = withContainedContentTypes({ filename: "Fehler.docx", contentType: "application/octet-stream", size: docx.length }, docx);
    const attachment = classifyAttachment(meta);
    expect([attachment.kind, attachment.flags]).toEqual(["word-document", ["screenshot-in-word-document"]]);
  });

  it("K1: ticket numbers", () => {
    const next = allocateTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, { year: 2026, lastSequence: 122 }, "2026-06-03T09:15:00+02:00");
    expect(next.ok && next.value.number).toBe("T-2026-000123-8");
    const typo = parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, "T-2026-000132-8");
    expect(!typo.ok && typo.errors[0]?.code).toBe("K1_TICKET_NUMBER_CHECK_DIGIT");
  });
});

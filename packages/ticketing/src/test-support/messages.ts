/**
 * Raw-looking inbound messages for the intake tests (K2–K4), modelled on what Exchange Online,
 * Outlook, Thunderbird, Postfix and a Sieve vacation responder actually send. Ticket
 * T-2026-000123-8 belongs to Müller Maschinenbau; our Message-IDs end in
 * `@tickets.meinsystemhaus.de`.
 */

const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** Exchange Online out-of-office answer to our confirmation (German mailbox). */
export const EXCHANGE_OUT_OF_OFFICE = `Received: from AM7PR03MB6466.eurprd03.prod.outlook.com (2603:10a6:20b:1c8::11)
 by AM0PR03MB4562.eurprd03.prod.outlook.com with HTTPS; Wed, 3 Jun 2026 07:16:04 +0000
From: Anna Becker <a.becker@mueller-maschinenbau.de>
To: CSM Kundensupport <kundensupport@meinsystemhaus.de>
Subject: =?iso-8859-1?Q?Automatische_Antwort:_[#T-2026-000123-8]_Eingangsbest=E4tigung?=
 =?iso-8859-1?Q?:_Drucker_im_Lager_druckt_nicht?=
Thread-Topic: [#T-2026-000123-8] =?iso-8859-1?Q?Eingangsbest=E4tigung?=
Thread-Index: AQHa1c3YbX2yq3ZQ0EqHk1mB9d3r1Q==
Date: Wed, 3 Jun 2026 07:16:03 +0000
Message-ID: <AM7PR03MB64665C2E9A1B7D0F3A2C4E6BD8B2A@AM7PR03MB6466.eurprd03.prod.outlook.com>
In-Reply-To: <T-2026-000123-8.confirmation@tickets.meinsystemhaus.de>
References: <T-2026-000123-8.confirmation@tickets.meinsystemhaus.de>
Auto-Submitted: auto-generated
X-Auto-Response-Suppress: All
X-MS-Exchange-Inbox-Rules-Loop: a.becker@mueller-maschinenbau.de
X-MS-Exchange-Organization-AutoReplyType: OOF
Content-Language: de-DE
X-MS-Has-Attach:
Content-Type: text/plain; charset="iso-8859-1"
MIME-Version: 1.0

Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 12.06.2026 nicht im Büro.
In dringenden Fällen wenden Sie sich bitte an it-leitung@mueller-maschinenbau.de.
`;

/**
 * An older Exchange out-of-office that passed a gateway which stripped Auto-Submitted and
 * X-Auto-Response-Suppress: only the subject prefix and the Exchange header are left.
 */
export const EXCHANGE_OUT_OF_OFFICE_STRIPPED = `From: Anna Becker <a.becker@mueller-maschinenbau.de>
To: kundensupport@meinsystemhaus.de
Subject: Automatic reply: Server langsam
Date: Thu, 4 Jun 2026 06:02:11 +0000
Message-ID: <DB9PR01MB7351F0C1@DB9PR01MB7351.eurprd01.prod.exchangelabs.com>
Content-Type: text/plain; charset="us-ascii"

I am out of the office until June 12.
`;

/** A Sieve vacation responder (Dovecot) answering our status mail. */
export const AUTO_SUBMITTED_AUTO_REPLIED = `Return-Path: <k.wagner@gmx.de>
From: Klaus Wagner <k.wagner@gmx.de>
To: kundensupport@meinsystemhaus.de
Subject: Abwesenheit: [#T-2026-000123-8] Status: In Bearbeitung
Date: Fri, 5 Jun 2026 10:00:01 +0200
Message-ID: <dovecot-sieve-1780646401-1234-0@mx.gmx.net>
In-Reply-To: <T-2026-000123-8.status-changed-5@tickets.meinsystemhaus.de>
References: <T-2026-000123-8.status-changed-5@tickets.meinsystemhaus.de>
Auto-Submitted: auto-replied (vacation)
Precedence: bulk
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Ich bin im Urlaub und lese meine Mails ab dem 15.06. wieder.
`;

/** Postfix bounce: our confirmation could not be delivered. */
export const DELIVERY_STATUS_NOTIFICATION = `Return-Path: <>
Received: by mail.meinsystemhaus.de (Postfix) id 4Rk2Zx0Yq3z9sWl; Wed,  3 Jun 2026 09:20:14 +0200 (CEST)
Date: Wed,  3 Jun 2026 09:20:14 +0200 (CEST)
From: MAILER-DAEMON@mail.meinsystemhaus.de (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: kundensupport@meinsystemhaus.de
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
 boundary="4Rk2Zx0Yq3z9sWl.1780471214/mail.meinsystemhaus.de"
Message-Id: <20260603072014.4Rk2Zx0Yq3z9sWl@mail.meinsystemhaus.de>

This is a MIME-encapsulated message.

--4Rk2Zx0Yq3z9sWl.1780471214/mail.meinsystemhaus.de
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.meinsystemhaus.de.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<a.beker@mueller-maschinenbau.de>: host mx.mueller-maschinenbau.de said: 550 5.1.1
    User unknown

--4Rk2Zx0Yq3z9sWl.1780471214/mail.meinsystemhaus.de
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.meinsystemhaus.de
Final-Recipient: rfc822; a.beker@mueller-maschinenbau.de
Action: failed
Status: 5.1.1

--4Rk2Zx0Yq3z9sWl.1780471214/mail.meinsystemhaus.de--
`;

/**
 * Anna answers from Thunderbird to a colleague's mail in the thread: In-Reply-To names the
 * colleague's mail, only References names our confirmation.
 */
export const REPLY_WITH_REFERENCES = `From: Anna Becker <a.becker@mueller-maschinenbau.de>
To: CSM Kundensupport <kundensupport@meinsystemhaus.de>
Cc: IT-Leitung <it-leitung@mueller-maschinenbau.de>
Subject: Re: AW: [#T-2026-000123-8] Eingangsbestätigung: Drucker im Lager druckt nicht
Date: Wed, 3 Jun 2026 10:41:55 +0200
Message-ID: <7b1e5c2a-92f4-4c1e-bb6d-0f3c1f8e2d11@mueller-maschinenbau.de>
In-Reply-To: <c0ffee00-1111-2222-3333-444455556666@mueller-maschinenbau.de>
References: <CAJ7y3pN0vW1m@mail.mueller-maschinenbau.de>
 <T-2026-000123-8.confirmation@tickets.meinsystemhaus.de>
 <c0ffee00-1111-2222-3333-444455556666@mueller-maschinenbau.de>
User-Agent: Mozilla Thunderbird
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8; format=flowed

Der Drucker zeigt jetzt "Papierstau Fach 2", obwohl kein Papier drin ist.

Am 03.06.2026 um 09:15 schrieb CSM Kundensupport:
> Guten Tag,
>
> Ihre Meldung ist bei uns eingegangen und wurde als Ticket T-2026-000123-8 erfasst.
`;

/** A printer service company forwards our mail, keeping only the subject tag. */
export const TAG_ONLY_FROM_UNKNOWN_SENDER = `From: Service Nord <info@druckerservice-nord.de>
To: kundensupport@meinsystemhaus.de
Subject: WG: [#T-2026-000123-8] Drucker im Lager druckt nicht
Date: Wed, 3 Jun 2026 14:02:00 +0200
Message-ID: <20260603140200.5A1B2C@druckerservice-nord.de>
Content-Type: text/plain; charset=utf-8

Hallo, wir haben hier auch einen Drucker von Müller in Reparatur, bitte Rückruf.
`;

/** A new incident with a screenshot, from Outlook (multipart/mixed with a PNG). */
export const SCREENSHOT_INCIDENT = `From: "Becker, Anna" <a.becker@mueller-maschinenbau.de>
To: kundensupport@meinsystemhaus.de
Subject: Fehlermeldung beim Start von DATEV
Date: Wed, 3 Jun 2026 09:12:40 +0200
Message-ID: <AM9PR03MB7042C3B1@AM9PR03MB7042.eurprd03.prod.outlook.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="_004_AM9PR03MB7042_"

--_004_AM9PR03MB7042_
Content-Type: multipart/alternative; boundary="_000_AM9PR03MB7042_"

--_000_AM9PR03MB7042_
Content-Type: text/plain; charset="utf-8"

Guten Morgen,

beim Start von DATEV Arbeitsplatz kommt seit heute die Fehlermeldung aus dem Screenshot.
Betroffen sind alle drei Rechner in der Buchhaltung.

Viele Grüße
Anna Becker

--_000_AM9PR03MB7042_
Content-Type: text/html; charset="utf-8"

<html><body><p>Guten Morgen,</p><p>beim Start von DATEV Arbeitsplatz kommt seit heute die Fehlermeldung aus dem Screenshot.</p></body></html>

--_000_AM9PR03MB7042_--

--_004_AM9PR03MB7042_
Content-Type: image/png; name="Screenshot 2026-06-03 091212.png"
Content-Description: Screenshot 2026-06-03 091212.png
Content-Disposition: attachment; filename="Screenshot 2026-06-03 091212.png"; size=70
Content-Transfer-Encoding: base64

${PNG_BASE64}

--_004_AM9PR03MB7042_--
`;

/** The same kind of report, but the screenshot is pasted into a Word document. */
export const SCREENSHOT_IN_WORD = `From: Anna Becker <a.becker@mueller-maschinenbau.de>
To: kundensupport@meinsystemhaus.de
Subject: Fehler im Warenwirtschaftssystem
Date: Wed, 3 Jun 2026 11:30:00 +0200
Message-ID: <AM9PR03MB7042D4C2@AM9PR03MB7042.eurprd03.prod.outlook.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset="utf-8"

Siehe Anhang, die Fehlermeldung erscheint beim Buchen.

--b1
Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="Fehler.docx"
Content-Disposition: attachment; filename="Fehler.docx"
Content-Transfer-Encoding: base64

UEsDBBQABgAIAAAAIQDfpNJsWgEAACAFAAATAAgCW0NvbnRlbnRfVHlwZXNdLnhtbCCiBAIooAAC

--b1--
`;

/** A note meant for the account manager, sent to the support address. */
export const NOTE_FOR_ACCOUNT_MANAGER = `From: Peter Müller <p.mueller@mueller-maschinenbau.de>
To: kundensupport@meinsystemhaus.de
Subject: Kooperationsvereinbarung
Date: Thu, 4 Jun 2026 08:05:00 +0200
Message-ID: <5f2d@mueller-maschinenbau.de>
Content-Type: text/plain; charset=utf-8

Hallo Herr Schulte,

anbei wie besprochen die unterschriebene Kooperationsvereinbarung zurück.
Können wir nächste Woche über das Kontingent sprechen?

Beste Grüße
Peter Müller
`;

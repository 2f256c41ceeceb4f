import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { el, escapeXmlAttribute, escapeXmlText, optionalText, serializeXml, text } from "./xml-writer.js";

describe("xml writer", () => {
  it("escapes &, < and > in text", () => {
    expect(escapeXmlText("Müller & Söhne <GmbH> > 5")).toBe("Müller &amp; Söhne &lt;GmbH&gt; &gt; 5");
  });

  it("escapes quotes and line breaks in attributes", () => {
    expect(escapeXmlAttribute('a "b"\nc\td & e')).toBe("a &quot;b&quot;&#10;c&#9;d &amp; e");
  });

  it("drops characters XML 1.0 cannot carry, keeps tabs, line breaks and astral characters", () => {
    expect(escapeXmlText("A\u0000B\u0007C\u001FD\tE\uFFFEF\uD800G\n€😀")).toBe("ABCD\tEFG\n€😀");
  });

  it("writes nested elements, skips empty children and round-trips through a parser", () => {
    const xml = serializeXml(
      el(
        "r:Root",
        { "xmlns:r": "urn:test", skipped: undefined },
        text("r:Name", "Müller & Söhne <GmbH>", { scheme: 'x"y' }),
        optionalText("r:Missing", undefined),
        null,
        false,
        [text("r:Item", "1"), [text("r:Item", "2")]],
        el("r:Empty", {}),
      ),
    );
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<r:Root xmlns:r="urn:test">',
        '  <r:Name scheme="x&quot;y">Müller &amp; Söhne &lt;GmbH&gt;</r:Name>',
        "  <r:Item>1</r:Item>",
        "  <r:Item>2</r:Item>",
        "  <r:Empty/>",
        "</r:Root>",
        "",
      ].join("\n"),
    );
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml) as {
      "r:Root": { "r:Name": { "#text": string; "@scheme": string }; "r:Item": number[] };
    };
    expect(parsed["r:Root"]["r:Name"]["#text"]).toBe("Müller & Söhne <GmbH>");
    expect(parsed["r:Root"]["r:Name"]["@scheme"]).toBe('x"y');
    expect(parsed["r:Root"]["r:Item"]).toEqual([1, 2]);
  });
});

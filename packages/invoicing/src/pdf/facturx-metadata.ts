import type { CiiProfile } from "../xml/cii-codes.js";

/** The name the embedded CII XML has in a Factur-X / ZUGFeRD PDF. */
export const FACTURX_FILE_NAME = "factur-x.xml";

const FX_NAMESPACE = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

/** Factur-X conformance level per CII profile (`XRECHNUNG` for the XRechnung guideline ID). */
export const FACTURX_CONFORMANCE_LEVELS: Readonly<Record<CiiProfile, string>> = Object.freeze({
  "xrechnung-3": "XRECHNUNG",
  en16931: "EN 16931",
});

function property(name: string, description: string): string {
  return `
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>${name}</pdfaProperty:name>
              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>${description}</pdfaProperty:description>
            </rdf:li>`;
}

/**
 * The XMP of a Factur-X invoice: the `fx:` properties (document type, file name, version,
 * conformance level) and the PDF/A extension schema that declares them (PDF/A-3 requires
 * custom XMP properties to be described).
 */
export function facturXmp(profile: CiiProfile): string {
  return `
        <rdf:Description xmlns:fx="${FX_NAMESPACE}" rdf:about="">
            <fx:DocumentType>INVOICE</fx:DocumentType>
            <fx:DocumentFileName>${FACTURX_FILE_NAME}</fx:DocumentFileName>
            <fx:Version>1.0</fx:Version>
            <fx:ConformanceLevel>${FACTURX_CONFORMANCE_LEVELS[profile]}</fx:ConformanceLevel>
        </rdf:Description>
        <rdf:Description xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" rdf:about="">
          <pdfaExtension:schemas>
            <rdf:Bag>
              <rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>${FX_NAMESPACE}</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                <pdfaSchema:property>
                  <rdf:Seq>${property("DocumentFileName", "name of the embedded XML invoice file")}${property("DocumentType", "INVOICE")}${property("Version", "The actual version of the Factur-X XML schema")}${property("ConformanceLevel", "The conformance level of the embedded Factur-X data")}
                  </rdf:Seq>
                </pdfaSchema:property>
              </rdf:li>
            </rdf:Bag>
          </pdfaExtension:schemas>
        </rdf:Description>
        `;
}

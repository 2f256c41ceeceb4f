import type { VatRateTable, VatRatesEntry } from "../tax/vat-rate-table.js";

const since2023 = (standard: string, ...reduced: string[]): VatRatesEntry[] => [
  { effectiveFrom: "2023-01-01", standard, reduced },
];

/**
 * Standard and reduced VAT rates of the 27 member states (RULES.md T3), as published in the EU
 * Commission's "VAT rates applied in the Member States of the European Union", from 2023 on,
 * with the changes since then (CZ 2024, EE 2024 and 2025-07, FI 2024-09, LU 2023/2024, SK 2025,
 * RO 2025-08) and Germany's history including the temporary 2020 rates. Super-reduced (below 5 %)
 * and parking rates are left out. This is policy data: check it against the Commission's current
 * table and load your own with `loadVatRateTables` when a rate changes.
 */
export const DEFAULT_VAT_RATE_TABLES: readonly VatRateTable[] = [
  {
    id: "kontor.eu-vat-rates",
    version: "2025-08-01",
    effectiveFrom: "2007-01-01",
    source: "EU Commission, VAT rates applied in the Member States (taxation_customs); national gazettes for the changes",
    countries: {
      AT: since2023("20", "13", "10"),
      BE: since2023("21", "12", "6"),
      BG: since2023("20", "9"),
      CY: since2023("19", "9", "5"),
      CZ: [
        { effectiveFrom: "2023-01-01", standard: "21", reduced: ["15", "10"] },
        { effectiveFrom: "2024-01-01", standard: "21", reduced: ["12"] },
      ],
      DE: [
        { effectiveFrom: "2007-01-01", standard: "19", reduced: ["7"] },
        { effectiveFrom: "2020-07-01", standard: "16", reduced: ["5"] },
        { effectiveFrom: "2021-01-01", standard: "19", reduced: ["7"] },
      ],
      DK: since2023("25"),
      EE: [
        { effectiveFrom: "2023-01-01", standard: "20", reduced: ["9", "5"] },
        { effectiveFrom: "2024-01-01", standard: "22", reduced: ["9", "5"] },
        { effectiveFrom: "2025-07-01", standard: "24", reduced: ["13", "9", "5"] },
      ],
      ES: since2023("21", "10"),
      FI: [
        { effectiveFrom: "2023-01-01", standard: "24", reduced: ["14", "10"] },
        { effectiveFrom: "2024-09-01", standard: "25.5", reduced: ["14", "10"] },
      ],
      FR: since2023("20", "10", "5.5"),
      GR: since2023("24", "13", "6"),
      HR: since2023("25", "13", "5"),
      HU: since2023("27", "18", "5"),
      IE: since2023("23", "13.5", "9"),
      IT: since2023("22", "10", "5"),
      LT: since2023("21", "9", "5"),
      LU: [
        { effectiveFrom: "2023-01-01", standard: "16", reduced: ["7"] },
        { effectiveFrom: "2024-01-01", standard: "17", reduced: ["8"] },
      ],
      LV: since2023("21", "12", "5"),
      MT: since2023("18", "7", "5"),
      NL: since2023("21", "9"),
      PL: since2023("23", "8", "5"),
      PT: since2023("23", "13", "6"),
      RO: [
        { effectiveFrom: "2023-01-01", standard: "19", reduced: ["9", "5"] },
        { effectiveFrom: "2025-08-01", standard: "21", reduced: ["11"] },
      ],
      SE: since2023("25", "12", "6"),
      SI: since2023("22", "9.5", "5"),
      SK: [
        { effectiveFrom: "2023-01-01", standard: "20", reduced: ["10"] },
        { effectiveFrom: "2025-01-01", standard: "23", reduced: ["19", "5"] },
      ],
    },
  },
];

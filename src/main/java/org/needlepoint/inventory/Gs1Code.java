package org.needlepoint.inventory;

import java.time.LocalDate;

/**
 * The fields of a pack's GS1 barcode that Needlepoint uses: AI (01) GTIN-14, (17) expiry,
 * (10) lot, (21) serial, (11) production date. Only the GTIN is always present; the others are
 * null when the code does not carry them. A parsed code has a verified GTIN check digit and real
 * dates (day 00 of AI 17 already turned into the month's last day).
 */
public record Gs1Code(String gtin, LocalDate expiry, String lot, String serial, LocalDate productionDate) {
}

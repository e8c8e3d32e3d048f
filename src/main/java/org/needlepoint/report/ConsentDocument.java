package org.needlepoint.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a signed consent's PDF shows ({@link ReportService#consentPdf}): the clinic, the patient, the
 * exact text version signed (its body: paragraphs separated by a blank line, "## " headings, "- "
 * bullets), the drawn signature as a PNG, when it was signed, the witness, and until when it is valid.
 */
public record ConsentDocument(String clinicName, String clinicAddress, String clinicPhone, String patientName,
                              long chartNumber, LocalDate birthDate, String title, String kindLabel, int textVersion,
                              String body, byte[] signaturePng, Instant signedAt, ZoneId zone, String witnessName,
                              LocalDate validUntil) {
}

package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitStatus;

/**
 * Everyone who received a lot: per patient (by name), their visits (oldest first) with each point
 * and amount charted from the lot, signed visits and drafts alike (drafts are marked: charted but not
 * yet signed). Read by {@link InventoryService#recallList}.
 */
public record RecallList(Lot lot, Product product, List<Patient> patients) {

    public RecallList {
        patients = List.copyOf(patients);
    }

    /** Points charted from the lot, all patients. */
    public int points() {
        return patients.stream().mapToInt(Patient::points).sum();
    }

    /** The total amount charted from the lot, in the product's unit. */
    public BigDecimal amount() {
        return patients.stream().map(Patient::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int visits() {
        return patients.stream().mapToInt(p -> p.visits().size()).sum();
    }

    /** An affected patient with contact details and totals over their visits. */
    public record Patient(long patientId, long chartNumber, String firstName, String lastName, LocalDate birthDate,
                          String mobilePhone, String otherPhone, String email, List<Visit> visits) {
        public Patient {
            visits = List.copyOf(visits);
        }

        /** "Smith, Zoë". */
        public String name() {
            return lastName + ", " + firstName;
        }

        /** The phones on record, "(555) 010-2345 / 555-010-9999", or "". */
        public String phones() {
            return mobilePhone == null ? (otherPhone == null ? "" : otherPhone)
                    : otherPhone == null ? mobilePhone : mobilePhone + " / " + otherPhone;
        }

        public int points() {
            return visits.stream().mapToInt(v -> v.points().size()).sum();
        }

        public BigDecimal amount() {
            return visits.stream().map(Visit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public boolean hasDraft() {
            return visits.stream().anyMatch(Visit::draft);
        }
    }

    /** A visit that used the lot: when, who injected, whether it is signed, and its points of the lot. */
    public record Visit(long visitId, Instant startedAt, LocalDate date, VisitStatus status, String injectorName,
                        List<Point> points) {
        public Visit {
            points = List.copyOf(points);
        }

        public boolean draft() {
            return status == VisitStatus.DRAFT;
        }

        public BigDecimal amount() {
            return points.stream().map(Point::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** One point charted from the lot; {@code addendumId} set when an addendum added it. */
    public record Point(Region region, Side side, BigDecimal amount, Unit unit, Long vialId, Long addendumId) {
        /** "Corrugator supercilii, right". */
        public String place() {
            return region.label() + (side == Side.MIDLINE ? "" : ", " + side);
        }
    }
}

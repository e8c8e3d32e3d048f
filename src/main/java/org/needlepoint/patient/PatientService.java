package org.needlepoint.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.store.Cancellation;
import org.needlepoint.store.Database;

/**
 * The patient registry: search, open (audited), create with a duplicate check, edit with
 * optimistic locking. Every role works the registry: the front desk registers patients and
 * records their history at intake; injectors and admins read and correct it.
 */
public final class PatientService {
    public static final int SEARCH_LIMIT = 100;
    /** Matches are counted up to this many; past it the screen says "more than 10,000". */
    public static final int COUNT_LIMIT = 10_000;
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};

    private final Database db;
    private final PatientStore store;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public PatientService(Database db, PatientStore store, Audit audit, Session session, Clock clock) {
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<PatientSummary> search(String text) {
        return search(text, new Cancellation()).rows();
    }

    /**
     * The first {@link #SEARCH_LIMIT} patients matching {@code text}, in list order, and whether more
     * match; {@code cancel} stops it when the next keystroke makes it stale. Not a record opening: the
     * list is not audited, opening a patient from it is.
     */
    public SearchPage search(String text, Cancellation cancel) {
        session.require("search patients", ANY_STAFF);
        if (db.isRemote()) { // the clinic server runs it: one round trip
            return db.read(c -> store.searchOnServer(c, text, SEARCH_LIMIT, cancel));
        }
        SearchQuery q = SearchQuery.parse(text);
        return db.read(c -> store.search(c, q, SEARCH_LIMIT, cancel));
    }

    /**
     * How many patients match {@code text}, asked after {@link #search} showed the first ones: the count up to
     * {@link #COUNT_LIMIT}, or {@code COUNT_LIMIT + 1} when more match.
     */
    public long count(String text, Cancellation cancel) {
        session.require("search patients", ANY_STAFF);
        SearchQuery q = SearchQuery.parse(text);
        return db.read(c -> store.count(c, q, COUNT_LIMIT, cancel));
    }

    /**
     * On the clinic server, at its start: joined PCs' searches run there, one call each
     * ({@link ServerSearch}). Only on the records' own PC (it defines functions, as the owner).
     */
    public void serveSearches() {
        db.adminWork(c -> {
            PatientStore.defineServerFunctions(c);
            return null;
        });
    }

    /** Opens a record for reading; the opening is audited. */
    public Patient open(long id) {
        session.require("open patient records", ANY_STAFF);
        return db.tx(c -> {
            Patient p = store.find(c, id).orElseThrow(() -> new ValidationException("patient", "This patient no longer exists."));
            audit.log(c, Audit.VIEW, "patient", id, id, "opened the record of chart " + p.chartNumber());
            return p;
        });
    }

    /** Field errors for the form, with the same rules the save applies. */
    public Map<String, String> problems(PatientDetails d) {
        return d.problems(today());
    }

    /**
     * Registers a patient. Unless {@code confirmedNotDuplicate}, a match on name and birth date or
     * on a phone number is refused with {@link DuplicatePatientException} so the desk can open the
     * existing record instead.
     */
    public Patient create(PatientDetails d, boolean confirmedNotDuplicate) {
        User u = session.require("register patients", ANY_STAFF);
        validate(d);
        return db.tx(c -> {
            List<PatientSummary> dups = store.possibleDuplicates(c, d, null);
            if (!dups.isEmpty() && !confirmedNotDuplicate) {
                throw new DuplicatePatientException(dups);
            }
            Patient p = store.insert(c, d, clock.instant(), u.id());
            audit.log(c, Audit.CREATE, "patient", p.id(), p.id(), "registered chart " + p.chartNumber()
                    + (dups.isEmpty() ? "" : " despite " + dups.size() + " possible duplicate(s): charts "
                    + dups.stream().map(s -> Long.toString(s.chartNumber())).toList()));
            return p;
        });
    }

    /** Saves edits over {@code original}; a concurrent edit by someone else is refused, naming them. */
    public Patient update(Patient original, PatientDetails d) {
        User u = session.require("edit patients", ANY_STAFF);
        validate(d);
        return db.tx(c -> {
            Patient p = store.update(c, original.id(), original.version(), d, clock.instant(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "patient", p.id(), p.id(), "edited chart " + p.chartNumber() + ": "
                    + PatientChanges.describe(original.details(), d));
            return p;
        });
    }

    /**
     * As {@link #update(Patient, PatientDetails)}, inside another service's transaction (check-in saves the contact
     * details the desk confirmed with the visit it opens): validated, optimistic-locked on {@code original}'s version
     * and audited the same way. Any staff.
     */
    public Patient update(java.sql.Connection c, Patient original, PatientDetails d, String why)
            throws java.sql.SQLException {
        User u = session.require("edit patients", ANY_STAFF);
        validate(d);
        Patient p = store.update(c, original.id(), original.version(), d, clock.instant(), u.id(), clock.getZone());
        audit.log(c, Audit.UPDATE, "patient", p.id(), p.id(), "edited chart " + p.chartNumber() + (why == null ? "" : " " + why)
                + ": " + PatientChanges.describe(original.details(), d));
        return p;
    }

    public long count() {
        session.require("count patients", ANY_STAFF);
        return db.read(store::count);
    }

    private void validate(PatientDetails d) {
        Map<String, String> e = d.problems(today());
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
    }
}

package org.needlepoint.app;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.clinic.ClinicService;
import org.needlepoint.clinic.ClinicStore;
import org.needlepoint.patient.PatientService;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.report.PaperSize;
import org.needlepoint.report.ReportService;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuditStore;
import org.needlepoint.security.AuthService;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Session;
import org.needlepoint.security.UserService;
import org.needlepoint.security.UserStore;
import org.needlepoint.store.BackupService;
import org.needlepoint.store.BackupStore;
import org.needlepoint.store.Database;
import org.needlepoint.store.RecordCheck;

/** The one wiring point: every store and service is built here, once. No JavaFX in here. */
public final class Services {
    private final Database db;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final Session session = new Session();
    private final Audit audit;
    private final AuthService auth;
    private final UserService users;
    private final ClinicService clinic;
    private final PatientService patients;
    private final ChartService charts;
    private final ReportService reports;
    private final BackupService backups;
    private final List<RecordCheck> checks;

    public Services(Database db, Clock clock, PasswordHasher hasher) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
        AuditStore auditStore = new AuditStore();
        UserStore userStore = new UserStore();
        ClinicStore clinicStore = new ClinicStore();
        PatientStore patientStore = new PatientStore();
        ChartStore chartStore = new ChartStore();
        this.audit = new Audit(db, auditStore, session, clock);
        this.auth = new AuthService(db, userStore, hasher, audit, session, clock);
        this.users = new UserService(db, userStore, hasher, audit, session, clock);
        this.clinic = new ClinicService(db, clinicStore, userStore, hasher, audit, session, clock);
        this.patients = new PatientService(db, patientStore, audit, session, clock);
        this.charts = new ChartService(db, chartStore, patientStore, auth, audit, session, clock, List.of());
        this.reports = new ReportService(db, chartStore, patientStore, userStore, clinicStore, audit, session, clock,
                PaperSize.forLocale(Locale.getDefault()));
        this.checks = List.of(clinicStore, userStore, patientStore, chartStore, auditStore);
        this.backups = new BackupService(db, new BackupStore(), this::checks, audit, session, auth, clock);
    }

    public Database db() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    public Session session() {
        return session;
    }

    public Audit audit() {
        return audit;
    }

    public AuthService auth() {
        return auth;
    }

    public UserService users() {
        return users;
    }

    public ClinicService clinic() {
        return clinic;
    }

    public PatientService patients() {
        return patients;
    }

    public ChartService charts() {
        return charts;
    }

    public ReportService reports() {
        return reports;
    }

    public BackupService backups() {
        return backups;
    }

    /**
     * Another set of services over the same store, with its own session and clock: for tasks that
     * must act at other times than now (seed-demo back-dates its demo history). Nobody is signed in.
     */
    public Services withClock(Clock otherClock) {
        return new Services(db, otherClock, hasher);
    }

    /** Every store's counts and consistency checks, in the order {@code check} prints them. */
    public List<RecordCheck> checks() {
        return checks;
    }
}

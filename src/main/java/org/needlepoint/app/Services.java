package org.needlepoint.app;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.chart.SignedChartListener;
import org.needlepoint.clinic.ClinicService;
import org.needlepoint.clinic.ClinicStore;
import org.needlepoint.followup.AdverseEventService;
import org.needlepoint.followup.AdverseEventStore;
import org.needlepoint.followup.FollowUpPlanner;
import org.needlepoint.followup.FollowUpService;
import org.needlepoint.followup.TaskBookingService;
import org.needlepoint.checkout.CheckoutService;
import org.needlepoint.checkout.CheckoutStore;
import org.needlepoint.followup.FollowUpStore;
import org.needlepoint.followup.RecallTasks;
import org.needlepoint.inventory.InventoryService;
import org.needlepoint.inventory.InventoryStore;
import org.needlepoint.inventory.LotRecallListener;
import org.needlepoint.inventory.StockDeduction;
import org.needlepoint.patient.PatientService;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.photo.PhotoService;
import org.needlepoint.photo.PhotoStore;
import org.needlepoint.report.PaperSize;
import org.needlepoint.report.ReportService;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.schedule.CheckInService;
import org.needlepoint.schedule.AppointmentStore;
import org.needlepoint.schedule.ConsentService;
import org.needlepoint.schedule.ConsentStore;
import org.needlepoint.security.Audit;
import org.needlepoint.server.ClinicPcs;
import org.needlepoint.security.AuditStore;
import org.needlepoint.security.AuthService;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Session;
import org.needlepoint.security.UserService;
import org.needlepoint.security.UserStore;
import org.needlepoint.backup.BackupService;
import org.needlepoint.backup.BackupStore;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.store.Database;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.ReferenceCheck;

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
    private final InventoryService inventory;
    private final ReportService reports;
    private final ConsentService consents;
    private final FollowUpService followUps;
    private final AdverseEventService adverseEvents;
    private final RecallTasks recallTasks;
    private final BackupService backups;
    private final ClinicPcs clinicPcs;
    private final AppointmentService appointments;
    private final TaskBookingService taskBookings;
    private final PhotoService photos;
    private final CheckInService checkIns;
    private final CheckoutService checkout;
    private final List<RecordCheck> checks;
    private final ChangeFeed changes;

    public Services(Database db, Clock clock, PasswordHasher hasher) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
        AuditStore auditStore = new AuditStore();
        UserStore userStore = new UserStore();
        ClinicStore clinicStore = new ClinicStore();
        PatientStore patientStore = new PatientStore();
        ChartStore chartStore = new ChartStore();
        FollowUpStore followUpStore = new FollowUpStore();
        InventoryStore inventoryStore = new InventoryStore();
        AdverseEventStore eventStore = new AdverseEventStore(inventoryStore);
        this.audit = new Audit(db, auditStore, session, clock);
        this.auth = new AuthService(db, userStore, hasher, audit, session, clock);
        this.users = new UserService(db, userStore, hasher, audit, session, clock);
        this.clinic = new ClinicService(db, clinicStore, userStore, hasher, audit, session, clock);
        this.patients = new PatientService(db, patientStore, audit, session, clock);
        FollowUpPlanner planner = new FollowUpPlanner(followUpStore, audit, clock);
        // signing deducts the stock a chart used and creates the treatment's follow-up tasks, in the
        // signing transaction
        List<SignedChartListener> signed = List.of(new StockDeduction(inventoryStore, audit, clock), planner);
        // consents print with the reports, and the reports' photos need the consents: photos are added below
        ReportService printing = new ReportService(db, chartStore, inventoryStore, patientStore, userStore, clinicStore,
                eventStore, audit, session, clock, PaperSize.forLocale(Locale.getDefault()));
        ConsentStore consentStore = new ConsentStore();
        this.consents = new ConsentService(db, consentStore, patientStore, clinicStore, printing, audit, session, clock);
        // signing a chart needs a valid signed consent for each kind of product charted
        this.charts = new ChartService(db, chartStore, inventoryStore, patientStore, auth, audit, session, clock, signed,
                consents);
        this.followUps = new FollowUpService(db, followUpStore, eventStore, clinicStore, patientStore, userStore, audit,
                session, clock);
        this.adverseEvents = new AdverseEventService(db, eventStore, chartStore, patientStore, clinicStore, planner,
                auditStore, audit, session, clock);
        this.recallTasks = new RecallTasks(planner);
        // marking a lot recalled creates a call task per affected patient and marks its recall notice
        LotRecallListener recallCalls = (c, lot, patientIds, by) -> {
            recallTasks.createRecallTasks(c, lot.id(), patientIds, by);
            for (long patientId : patientIds) {
                inventoryStore.markRecallTaskCreated(c, lot.id(), patientId, clock.instant());
            }
        };
        this.inventory = new InventoryService(db, inventoryStore, chartStore, clinicStore, audit, session, clock,
                List.of(recallCalls));
        AppointmentStore appointmentStore = new AppointmentStore();
        this.appointments = new AppointmentService(db, appointmentStore, clinicStore, audit, session, clock);
        this.taskBookings = new TaskBookingService(db, followUpStore, eventStore, chartStore, appointments, audit, clock);
        PhotoStore photoStore = new PhotoStore();
        this.photos = new PhotoService(db, photoStore, consents, audit, session, clock);
        this.checkIns = new CheckInService(db, appointmentStore, appointments, patientStore, patients, inventoryStore, charts,
                consents, audit, session, clock);
        this.reports = printing.withPhotos(photos);
        this.checkout = new CheckoutService(db, new CheckoutStore(), appointments, taskBookings, chartStore, followUpStore,
                reports, audit, session, clock);
        BackupStore backupStore = new BackupStore();
        this.checks = List.of(clinicStore, userStore, patientStore, inventoryStore, chartStore, eventStore, followUpStore,
                appointmentStore, consentStore, photoStore, auditStore, backupStore, new ReferenceCheck());
        this.backups = new BackupService(db, backupStore, this::checks, audit, session, auth, clock);
        this.clinicPcs = new ClinicPcs(db, audit, session, clock);
        this.changes = new ChangeFeed(db);
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

    public InventoryService inventory() {
        return inventory;
    }

    public ReportService reports() {
        return reports;
    }

    /** Consent texts, signed consents and their validity. */
    public ConsentService consents() {
        return consents;
    }

    public FollowUpService followUps() {
        return followUps;
    }

    public AdverseEventService adverseEvents() {
        return adverseEvents;
    }

    /** The follow-up side of a lot recall ("call each affected patient"), for the recall to call in its transaction. */
    public RecallTasks recallTasks() {
        return recallTasks;
    }

    /** Booking follow-up tasks from the worklist. */
    public TaskBookingService taskBookings() {
        return taskBookings;
    }

    /** Checkout: the aftercare sheet, the next visit, the appointment completed. */
    public CheckoutService checkout() {
        return checkout;
    }

    /** The appointment book. */
    public AppointmentService appointments() {
        return appointments;
    }

    /** Clinical photos: import, browse, pupils, removal. */
    public PhotoService photos() {
        return photos;
    }

    /** Check-in at the desk and the injectors' "My patients today". */
    public CheckInService checkIns() {
        return checkIns;
    }

    public BackupService backups() {
        return backups;
    }

    /** The clinic server's joined PCs: join codes, the list, revoking. */
    public ClinicPcs clinicPcs() {
        return clinicPcs;
    }

    /** The change feed the window's lists follow: started by the window, closed with it. */
    public ChangeFeed changes() {
        return changes;
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

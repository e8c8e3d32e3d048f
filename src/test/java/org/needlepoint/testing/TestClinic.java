package org.needlepoint.testing;

import java.nio.file.Path;
import org.needlepoint.app.Services;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ReceiptDraft;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.Pregnancy;
import org.needlepoint.patient.Sex;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;
import org.needlepoint.security.UserDraft;
import org.needlepoint.store.Database;

/**
 * A real H2 database in a temp folder with the real services, a movable clock and a fast
 * password hash (the factor is the only thing lowered; the algorithm is the production one).
 */
public final class TestClinic implements AutoCloseable {
    public static final String PASSWORD = "correct-horse-1";

    public final Path folder;
    public final Database db;
    public final MutableClock clock = MutableClock.morning();
    public final Services services;

    /**
     * A clinic whose commits are written but not flushed to the disk one by one ({@link Database.Durability#WRITTEN}):
     * what most tests try is not durability, and a flush per save is most of their time. The store's own tests
     * (crash safety, full disks) use {@link #TestClinic(Path, Database.Durability)} with FLUSHED, as the app does.
     */
    public TestClinic(Path folder) {
        this(folder, Database.Durability.WRITTEN);
    }

    public TestClinic(Path folder, Database.Durability durability) {
        this.folder = folder;
        EmptyClinic.copyInto(folder);
        this.db = Database.open(folder, durability);
        this.services = new Services(db, clock, new PasswordHasher(1_000));
    }

    /**
     * Switches the automatic backups (at the day's first start and on closing) on or off. The UI tests switch them
     * off unless they try them: each is a full verified backup, seconds of every window's start.
     */
    public TestClinic automaticBackups(boolean on) {
        db.tx(c -> {
            var store = new org.needlepoint.backup.BackupStore();
            var s = store.settings(c);
            store.update(c, new org.needlepoint.backup.BackupSettings(s.folder(), on, on, s.keepDaily(), s.keepWeekly(),
                    s.version()), clock.instant(), null, clock.getZone());
            return null;
        });
        return this;
    }

    /** Sets up the clinic with admin "admin", injector "injector" and front desk "desk", all with {@link #PASSWORD}; nobody is left signed in. */
    public TestClinic withStaff() {
        services.clinic().setUp(new Clinic("Test Clinic", "1 Test Street", "555-010-0100", 0),
                new UserDraft("admin", "Alex Admin", Role.ADMIN, null, null), PASSWORD.toCharArray(), PASSWORD.toCharArray());
        signIn("admin");
        services.users().create(new UserDraft("injector", "Ivy Injector", Role.INJECTOR, "NP", "LIC-1"),
                PASSWORD.toCharArray(), PASSWORD.toCharArray());
        services.users().create(new UserDraft("desk", "Dana Desk", Role.FRONT_DESK, null, null),
                PASSWORD.toCharArray(), PASSWORD.toCharArray());
        services.auth().signOut();
        return this;
    }

    /**
     * Receives {@code packs} packs of a lot of {@code product} today, chosen by hand (no barcode), as the
     * signed-in user (any role may receive); returns the lot as it then stands.
     */
    public Lot receive(Product product, String lotNumber, java.time.LocalDate expiry, int packs) {
        return services.inventory().receive(new ReceiptDraft(null, product.id(), lotNumber, expiry, null, null, packs,
                null, null, services.inventory().today())).lot();
    }

    public User signIn(String username) {
        return services.auth().signIn(username, PASSWORD.toCharArray());
    }

    /** A valid patient with the given names, birth date (ISO) and mobile phone. */
    public static PatientDetails patient(String first, String last, String birthIso, String mobile) {
        return new PatientDetails(first, null, last, null, java.time.LocalDate.parse(birthIso), Sex.FEMALE, mobile,
                null, null, null, null, null, null, null, null, null, null, null, null, Pregnancy.NO, false, false,
                null, null);
    }

    /** {@code d} with the record's photography-consent box set to {@code given}. */
    public static PatientDetails withPhotoConsent(PatientDetails d, boolean given) {
        return new PatientDetails(d.firstName(), d.middleName(), d.lastName(), d.preferredName(), d.birthDate(), d.sex(),
                d.mobilePhone(), d.otherPhone(), d.email(), d.addressLine(), d.city(), d.region(), d.postalCode(),
                d.emergencyName(), d.emergencyPhone(), d.emergencyRelation(), d.allergies(), d.medications(),
                d.conditions(), d.pregnancy(), given, d.marketingConsent(), d.alerts(), d.notes(), d.rewardsProgramme(),
                d.rewardsMember());
    }

    @Override
    public void close() {
        db.close();
    }
}

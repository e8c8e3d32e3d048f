package org.needlepoint.clinic;

import java.time.Clock;
import java.util.Optional;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuthService;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.security.UserDraft;
import org.needlepoint.security.UserStore;
import org.needlepoint.store.Database;

/** First-run setup, the clinic profile and clinic-wide settings. */
public final class ClinicService {
    public static final String IDLE_LOCK_MINUTES = "idle.lock.minutes";
    public static final int DEFAULT_IDLE_LOCK_MINUTES = 10;

    private final Database db;
    private final ClinicStore store;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public ClinicService(Database db, ClinicStore store, UserStore users, PasswordHasher hasher, Audit audit,
                         Session session, Clock clock) {
        this.db = db;
        this.store = store;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** True once the clinic and its first administrator exist. */
    public boolean isSetUp() {
        return db.read(c -> store.find(c).isPresent() && users.countUsers(c) > 0);
    }

    /** Creates the clinic and its first administrator, once; refused when the clinic is already set up. */
    public User setUp(Clinic clinic, UserDraft admin, char[] password, char[] confirm) {
        clinic.validate();
        UserDraft asAdmin = new UserDraft(admin.username(), admin.fullName(), Role.ADMIN, admin.title(), admin.licenceNumber());
        asAdmin.validate();
        UserDraft.checkPassword("password", password, confirm);
        String hash = hasher.hash(password);
        return db.tx(c -> {
            if (store.find(c).isPresent() || users.countUsers(c) > 0) {
                throw new ValidationException("clinicName", "This clinic is already set up. Sign in instead.");
            }
            store.insert(c, clinic, clock.instant());
            long id = users.insert(c, asAdmin, hash, clock.instant(), null);
            audit.logAs(c, id, asAdmin.username(), Audit.CREATE, "clinic", 1L,
                    "set up clinic " + clinic.name() + " with administrator " + asAdmin.username());
            return users.findById(c, id).orElseThrow();
        });
    }

    public Optional<Clinic> clinic() {
        return db.read(store::find);
    }

    public Clinic update(Clinic clinic) {
        User admin = session.require("change the clinic profile", Role.ADMIN);
        clinic.validate();
        return db.tx(c -> {
            store.update(c, clinic, clock.instant(), admin.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "clinic", 1L, null, "updated the clinic profile: " + clinic.name());
            return store.find(c).orElseThrow();
        });
    }

    /** Minutes without input before the screen locks. */
    public int idleLockMinutes() {
        return db.read(c -> store.setting(c, IDLE_LOCK_MINUTES))
                .map(ClinicService::parseMinutes).orElse(DEFAULT_IDLE_LOCK_MINUTES);
    }

    public void setIdleLockMinutes(int minutes) {
        User admin = session.require("change settings", Role.ADMIN);
        if (minutes < 1 || minutes > 240) {
            throw new ValidationException("idleLockMinutes", "The idle lock must be between 1 and 240 minutes.");
        }
        db.tx(c -> {
            store.putSetting(c, IDLE_LOCK_MINUTES, Integer.toString(minutes), clock.instant(), admin.id());
            audit.log(c, Audit.UPDATE, "setting", null, null, "idle lock set to " + minutes + " minutes");
            return null;
        });
    }

    /** Whether signing a chart takes the full password, PINs or not ({@link AuthService#PASSWORD_REQUIRED}). */
    public boolean signingPasswordRequired() {
        return db.read(c -> store.setting(c, AuthService.PASSWORD_REQUIRED)).map(Boolean::parseBoolean).orElse(false);
    }

    /** Makes every signature take the full password (true), or lets injectors sign with their PIN. ADMIN; audited. */
    public void setSigningPasswordRequired(boolean required) {
        User admin = session.require("change settings", Role.ADMIN);
        db.tx(c -> {
            store.putSetting(c, AuthService.PASSWORD_REQUIRED, Boolean.toString(required), clock.instant(), admin.id());
            audit.log(c, Audit.UPDATE, "setting", null, null, required ? "signing a chart now takes the full password"
                    : "injectors may sign charts with their signing PIN");
            return null;
        });
    }

    private static int parseMinutes(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_LOCK_MINUTES;
        }
    }
}

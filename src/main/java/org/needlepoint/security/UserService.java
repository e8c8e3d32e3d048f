package org.needlepoint.security;

import java.time.Clock;
import java.util.List;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.Database;

/** Account administration. Every method is for ADMIN only. */
public final class UserService {
    private final Database db;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public UserService(Database db, UserStore users, PasswordHasher hasher, Audit audit, Session session, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    public List<User> list() {
        session.require("manage staff accounts", Role.ADMIN);
        return db.read(users::list);
    }

    /** Active injectors, for pickers; any signed-in user may read this. */
    public List<User> activeInjectors() {
        session.require();
        return db.read(users::list).stream().filter(u -> u.active() && u.role() == Role.INJECTOR).toList();
    }

    public User create(UserDraft draft, char[] password, char[] confirm) {
        User admin = session.require("manage staff accounts", Role.ADMIN);
        draft.validate();
        UserDraft.checkPassword("password", password, confirm);
        String hash = hasher.hash(password);
        return db.tx(c -> {
            if (users.usernameTaken(c, draft.username(), null)) {
                throw new ValidationException("username", "The username " + draft.username() + " is already taken.");
            }
            long id = users.insert(c, draft, hash, clock.instant(), admin.id());
            audit.log(c, Audit.CREATE, "user", id, null,
                    "created " + draft.role().label() + " account " + draft.username() + " (" + draft.fullName() + ")");
            return users.findById(c, id).orElseThrow();
        });
    }

    /** Saves profile and active flag; {@code original} carries the version the admin saw. */
    public User update(User original, UserDraft draft, boolean active) {
        User admin = session.require("manage staff accounts", Role.ADMIN);
        draft.validate();
        if (original.id() == admin.id() && (!active || draft.role() != Role.ADMIN)) {
            throw new ValidationException("role", "You cannot deactivate your own account or remove your own administrator role.");
        }
        return db.tx(c -> {
            if (users.usernameTaken(c, draft.username(), original.id())) {
                throw new ValidationException("username", "The username " + draft.username() + " is already taken.");
            }
            users.update(c, original.id(), original.version(), draft, active, clock.instant(), admin.id(), clock.getZone());
            if (users.countActiveAdmins(c) == 0) {
                throw new ValidationException("role", "The clinic needs at least one active administrator.");
            }
            audit.log(c, Audit.UPDATE, "user", original.id(), null, describe(original, draft, active));
            return users.findById(c, original.id()).orElseThrow();
        });
    }

    public void resetPassword(User target, char[] password, char[] confirm) {
        User admin = session.require("manage staff accounts", Role.ADMIN);
        UserDraft.checkPassword("password", password, confirm);
        String hash = hasher.hash(password);
        db.tx(c -> {
            users.setPassword(c, target.id(), hash, clock.instant(), admin.id());
            audit.log(c, Audit.PASSWORD_RESET, "user", target.id(), null,
                    "reset the password of " + target.username() + " (and cleared any lockout)");
            return null;
        });
    }

    private static String describe(User o, UserDraft d, boolean active) {
        StringBuilder s = new StringBuilder("updated account ").append(o.username()).append(':');
        int len = s.length();
        if (!o.username().equals(d.username())) {
            s.append(" username ").append(o.username()).append(" -> ").append(d.username()).append(';');
        }
        if (!o.fullName().equals(d.fullName())) {
            s.append(" name -> ").append(d.fullName()).append(';');
        }
        if (o.role() != d.role()) {
            s.append(" role ").append(o.role().label()).append(" -> ").append(d.role().label()).append(';');
        }
        if (o.active() != active) {
            s.append(active ? " reactivated;" : " deactivated;");
        }
        if (!java.util.Objects.equals(o.title(), d.title()) || !java.util.Objects.equals(o.licenceNumber(), d.licenceNumber())) {
            s.append(" title/licence changed;");
        }
        if (s.length() == len) {
            s.append(" no changes");
        }
        return s.toString();
    }
}

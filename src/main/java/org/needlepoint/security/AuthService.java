package org.needlepoint.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.needlepoint.store.Database;

/** Sign-in, sign-out, lockout after repeated failures, and re-entering the password at the idle lock. */
public final class AuthService {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(5);
    private static final String BAD_CREDENTIALS = "Wrong username or password.";

    private final Database db;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public AuthService(Database db, UserStore users, PasswordHasher hasher, Audit audit, Session session, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** Checks the password and makes the user the session's user, or throws {@link SignInException}. */
    public User signIn(String username, char[] password) {
        User user = check(username == null ? "" : username, password, Audit.SIGN_IN);
        session.signIn(user);
        return user;
    }

    /** At the idle lock: the same user proves they are still at the PC. */
    public User unlock(char[] password) {
        User current = session.require();
        User user = check(current.username(), password, Audit.UNLOCK);
        session.signIn(user);
        return user;
    }

    /**
     * Re-checks the signed-in user's password, e.g. to sign a chart, without changing the session.
     * A wrong password counts towards the lockout and is audited like a failed sign-in; success
     * writes no audit row of its own (the action it guards is audited).
     */
    public User verifyPassword(char[] password) {
        User current = session.require();
        try {
            User checked = check(current.username(), password, null);
            if (checked.id() != current.id()) { // the username now belongs to another account
                throw new SignInException("Your account has changed since you signed in. Sign in again.");
            }
            return checked;
        } catch (SignInException e) {
            throw new SignInException(e.getMessage().replace(BAD_CREDENTIALS, "Wrong password."));
        }
    }

    /**
     * Checks, without writing anything, that {@code username} and {@code password} are those of an
     * active administrator of the records in {@code db}: for records that are open only to be read
     * (refused as damaged) or about to be restored, where nobody can be signed in. A wrong password
     * is not counted towards the lockout (nothing can be written); the caller limits the attempts.
     */
    public static User confirmAdmin(Database db, PasswordHasher hasher, Clock clock, String username, char[] password,
                                    String action) {
        UserStore users = new UserStore();
        Optional<User> found = db.read(c -> users.findByUsername(c, username == null ? "" : username.strip()));
        if (found.isEmpty() || !hasher.verify(password, db.read(c -> users.passwordHash(c, found.get().id())))) {
            throw new SignInException(BAD_CREDENTIALS);
        }
        User u = found.get();
        if (u.isLockedAt(clock.instant())) {
            throw new SignInException("This account is locked after " + MAX_FAILURES + " failed sign-ins. Try again after "
                    + DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).format(u.lockedUntil().atZone(clock.getZone())) + ".");
        }
        if (!u.active()) {
            throw new SignInException("This account has been deactivated.");
        }
        if (u.role() != Role.ADMIN) {
            throw new PermissionDeniedException("Only an administrator can " + action + ".");
        }
        return u;
    }

    public void signOut() {
        session.user().ifPresent(u -> db.tx(c -> {
            audit.log(c, Audit.SIGN_OUT, "user", u.id(), null, u.username() + " signed out");
            return null;
        }));
        session.signOut();
    }

    private User check(String username, char[] password, String successAction) {
        Instant now = clock.instant();
        Optional<User> found = db.read(c -> users.findByUsername(c, username));
        if (found.isEmpty()) {
            db.tx(c -> {
                audit.logAs(c, null, username.strip(), Audit.SIGN_IN_FAILED, "user", null, "unknown username");
                return null;
            });
            throw new SignInException(BAD_CREDENTIALS);
        }
        User u = found.get();
        if (u.isLockedAt(now)) {
            db.tx(c -> {
                audit.logAs(c, u.id(), u.username(), Audit.SIGN_IN_FAILED, "user", u.id(), "attempt while locked out");
                return null;
            });
            throw new SignInException(lockedMessage(u.lockedUntil()));
        }
        String hash = db.read(c -> users.passwordHash(c, u.id()));
        if (!hasher.verify(password, hash)) {
            int failures = (u.lockedUntil() != null ? 0 : u.failedAttempts()) + 1;
            boolean lock = failures >= MAX_FAILURES;
            Instant until = lock ? now.plus(LOCKOUT) : null;
            db.tx(c -> {
                users.setFailures(c, u.id(), lock ? 0 : failures, until);
                audit.logAs(c, u.id(), u.username(), Audit.SIGN_IN_FAILED, "user", u.id(),
                        "wrong password (" + failures + " of " + MAX_FAILURES + ")");
                if (lock) {
                    audit.logAs(c, u.id(), u.username(), Audit.LOCKED_OUT, "user", u.id(),
                            "locked for " + LOCKOUT.toMinutes() + " minutes after " + MAX_FAILURES + " failed sign-ins");
                }
                return null;
            });
            if (lock) {
                throw new SignInException(lockedMessage(until));
            }
            int left = MAX_FAILURES - failures;
            throw new SignInException(BAD_CREDENTIALS + (left <= 2
                    ? " " + left + (left == 1 ? " try" : " tries") + " left before the account locks for "
                    + LOCKOUT.toMinutes() + " minutes." : ""));
        }
        if (!u.active()) {
            db.tx(c -> {
                audit.logAs(c, u.id(), u.username(), Audit.SIGN_IN_FAILED, "user", u.id(), "account deactivated");
                return null;
            });
            throw new SignInException("This account has been deactivated. Ask an administrator.");
        }
        return db.tx(c -> {
            users.setFailures(c, u.id(), 0, null);
            if (successAction != null) {
                audit.logAs(c, u.id(), u.username(), successAction, "user", u.id(),
                        u.username() + (Audit.UNLOCK.equals(successAction) ? " unlocked the screen" : " signed in"));
            }
            return users.findById(c, u.id()).orElseThrow();
        });
    }

    private String lockedMessage(Instant until) {
        String at = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).format(until.atZone(clock.getZone()));
        return "This account is locked after " + MAX_FAILURES + " failed sign-ins. Try again after " + at
                + ", or ask an administrator to reset the password.";
    }
}

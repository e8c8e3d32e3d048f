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
    /** The clinic setting (true/false) that makes every signature take the full password, PINs or not. */
    public static final String PASSWORD_REQUIRED = "signing.password.required";
    public static final int PIN_LENGTH = 6;
    /** Wrong signing PINs in a row that lock the screen. */
    public static final int MAX_PIN_FAILURES = 5;
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

    /** At the idle lock: the same user proves they are still at the PC (which also clears wrong signing PINs). */
    public User unlock(char[] password) {
        User current = session.require();
        User user = check(current.username(), password, Audit.UNLOCK);
        db.tx(c -> {
            users.setPinFailures(c, user.id(), 0);
            return null;
        });
        session.signIn(user);
        return user;
    }

    // ------------------------------------------------------------------------------ signing PIN

    /**
     * How the signed-in person signs a chart: with their signing PIN when they set one and the
     * clinic does not require the password ({@value #PASSWORD_REQUIRED}), else with the password.
     */
    public SigningMethod signingMethod() {
        User u = session.require();
        return db.read(c -> !users.passwordRequiredToSign(c) && users.signingPinHash(c, u.id()) != null
                ? SigningMethod.PIN : SigningMethod.PASSWORD);
    }

    /** Whether the signed-in person has a signing PIN (whether or not the clinic lets PINs sign). */
    public boolean hasSigningPin() {
        User u = session.require();
        return db.read(c -> users.signingPinHash(c, u.id()) != null);
    }

    /** Whether the clinic makes every signature take the full password. */
    public boolean passwordRequiredToSign() {
        session.require();
        return db.read(users::passwordRequiredToSign);
    }

    /**
     * Sets the signed-in person's own 6-digit signing PIN, after their password (a wrong one counts
     * towards the lockout as at sign-in): {@code pin} and {@code repeat} the same 6 digits, neither
     * one digit six times nor a straight run (123456, 654321). Hashed as passwords are; audited.
     */
    public void setSigningPin(char[] password, char[] pin, char[] repeat) {
        User u = session.require();
        String typed = pin == null ? "" : new String(pin);
        java.util.Map<String, String> e = new java.util.LinkedHashMap<>();
        if (!typed.matches("\\d{" + PIN_LENGTH + "}")) {
            e.put("pin", "A signing PIN is " + PIN_LENGTH + " digits.");
        } else if (weak(typed)) {
            e.put("pin", "Choose a PIN that is not one digit repeated or a straight run like 123456.");
        } else if (repeat == null || !typed.equals(new String(repeat))) {
            e.put("repeat", "The two PINs differ: type the same " + PIN_LENGTH + " digits twice.");
        }
        if (!e.isEmpty()) {
            throw new org.needlepoint.common.ValidationException(e);
        }
        verifyPassword(password);
        String hash = hasher.hash(pin);
        db.tx(c -> {
            users.setSigningPin(c, u.id(), hash, clock.instant(), u.id());
            audit.log(c, Audit.UPDATE, "user", u.id(), null, u.username() + " set a signing PIN");
            return null;
        });
    }

    /** Removes the signed-in person's signing PIN, after their password; audited. */
    public void removeSigningPin(char[] password) {
        User u = session.require();
        verifyPassword(password);
        db.tx(c -> {
            users.setSigningPin(c, u.id(), null, clock.instant(), u.id());
            audit.log(c, Audit.UPDATE, "user", u.id(), null, u.username() + " removed their signing PIN");
            return null;
        });
    }

    private static boolean weak(String pin) {
        boolean same = pin.chars().distinct().count() == 1;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < pin.length(); i++) {
            up &= pin.charAt(i) == pin.charAt(i - 1) + 1;
            down &= pin.charAt(i) == pin.charAt(i - 1) - 1;
        }
        return same || up || down;
    }

    /**
     * Checks the signed-in person's signing PIN, e.g. to sign a chart, without changing the session.
     * Refused when the clinic requires the password, when they have no PIN, and after
     * {@value #MAX_PIN_FAILURES} wrong PINs in a row: then {@link PinLockedException}, and the screen
     * is to lock until the password is given ({@link #unlock}). Each wrong PIN is audited.
     */
    public User verifyPin(char[] pin) {
        User current = session.require();
        record PinState(boolean required, String hash, int failures, User user) {
        }
        PinState st = db.read(c -> new PinState(users.passwordRequiredToSign(c), users.signingPinHash(c, current.id()),
                users.pinFailures(c, current.id()), users.findById(c, current.id()).orElse(null)));
        if (st.user() == null || !st.user().active()) {
            throw new SignInException("This account has been deactivated. Ask an administrator.");
        }
        if (st.required()) {
            throw new SignInException("The clinic asks for your full password to sign charts: type your password.");
        }
        if (st.hash() == null) {
            throw new SignInException("You have no signing PIN: set one in My settings, or sign with your password.");
        }
        if (st.failures() >= MAX_PIN_FAILURES) {
            throw new PinLockedException(pinLockedMessage());
        }
        if (!hasher.verify(pin == null ? new char[0] : pin, st.hash())) {
            int failures = st.failures() + 1;
            db.tx(c -> {
                users.setPinFailures(c, current.id(), failures);
                audit.logAs(c, current.id(), current.username(), Audit.SIGN_IN_FAILED, "user", current.id(),
                        "wrong signing PIN (" + failures + " of " + MAX_PIN_FAILURES + ")");
                if (failures >= MAX_PIN_FAILURES) {
                    audit.logAs(c, current.id(), current.username(), Audit.LOCKED_OUT, "user", current.id(),
                            "screen locked after " + MAX_PIN_FAILURES + " wrong signing PINs");
                }
                return null;
            });
            if (failures >= MAX_PIN_FAILURES) {
                throw new PinLockedException(pinLockedMessage());
            }
            int left = MAX_PIN_FAILURES - failures;
            throw new SignInException("Wrong PIN. " + left + (left == 1 ? " try" : " tries")
                    + " left before the screen locks.");
        }
        if (st.failures() > 0) {
            db.tx(c -> {
                users.setPinFailures(c, current.id(), 0);
                return null;
            });
        }
        return st.user();
    }

    private static String pinLockedMessage() {
        return MAX_PIN_FAILURES + " wrong PINs: the screen is locked. Unlock it with your password.";
    }

    // ------------------------------------------------------------------------------ theme

    /** The look the signed-in person chose (light unless they chose dark). */
    public Theme theme() {
        User u = session.require();
        return db.read(c -> users.theme(c, u.id()));
    }

    /** Keeps the signed-in person's choice of look; audited. */
    public void setTheme(Theme theme) {
        User u = session.require();
        java.util.Objects.requireNonNull(theme, "theme");
        db.tx(c -> {
            users.setTheme(c, u.id(), theme);
            audit.log(c, Audit.UPDATE, "user", u.id(), null, u.username() + " chose the " + theme.name().toLowerCase(
                    Locale.ROOT) + " theme");
            return null;
        });
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

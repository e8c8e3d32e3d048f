package org.needlepoint.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Who is signed in on this PC right now. Services ask it before they act. */
public final class Session {
    private final AtomicReference<User> current = new AtomicReference<>();

    public Optional<User> user() {
        return Optional.ofNullable(current.get());
    }

    /** The signed-in user; refuses when nobody is signed in. */
    public User require() {
        User u = current.get();
        if (u == null) {
            throw new PermissionDeniedException("Please sign in first.");
        }
        return u;
    }

    /** The signed-in user, if their role is one of {@code roles}; otherwise a clear refusal. */
    public User require(String action, Role... roles) {
        return require(require(), action, roles);
    }

    /**
     * {@code u}, if their role is one of {@code roles}; otherwise the same refusal as {@link #require(String, Role...)}:
     * for an account acting elsewhere than this PC's session (the clinic server, saving for a joined PC's user).
     */
    public static User require(User u, String action, Role... roles) {
        if (Arrays.asList(roles).contains(u.role())) {
            return u;
        }
        throw new PermissionDeniedException(u.role().label() + " accounts cannot " + action + ".");
    }

    void signIn(User user) {
        current.set(user);
    }

    void signOut() {
        current.set(null);
    }
}

package org.needlepoint.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the database's owner account ({@code NEEDLEPOINT}, the one that migrates, backs
 * up and compacts). An embedded folder that never served has none (the file is only ever opened by
 * this user's own app). Once a folder serves the clinic on the network, its owner gets a random
 * password kept in {@code owner.secret} (readable by the server's user only), so no PC on the
 * network can sign in as the owner: joined PCs have accounts of their own with rights on the
 * records only.
 */
public final class OwnerSecret {
    public static final String FILE = "owner.secret";
    public static final String USER = "needlepoint";

    private OwnerSecret() {
    }

    /** The owner's password for the records in {@code folder}: the secret, or "" when it never served. */
    public static String password(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new StoreException("Cannot read the owner's key of the records in " + folder + " (" + FILE + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Makes the folder's secret when it has none and returns it. Written whole before the database is
     * told (a cut between the two leaves a secret the database does not use yet, which
     * {@link Database} then sets at its next open).
     */
    static String ensure(Path folder) {
        String existing = password(folder);
        if (!existing.isEmpty()) {
            return existing;
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path tmp = folder.resolve(FILE + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            ClinicLink.ownerOnly(tmp);
            Files.writeString(tmp, secret, StandardCharsets.UTF_8);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, folder.resolve(FILE));
            }
        } catch (IOException e) {
            throw new StoreException("Cannot write the owner's key of the records in " + folder + ": " + e.getMessage(), e);
        }
        return secret;
    }
}

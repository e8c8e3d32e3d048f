package org.needlepoint.backup;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.needlepoint.store.DiskErrors;

/**
 * The backup file: a zip holding the database as SQL ({@code needlepoint.sql}, H2's
 * {@code SCRIPT} output), the photos' originals in {@code photos/} (BackupWriter), and last
 * {@code manifest.txt} ({@link BackupManifest}) with the SHA-256 of every other entry.
 */
public final class BackupArchive {
    static final String MANIFEST = "manifest.txt";
    static final String SCRIPT = "needlepoint.sql";
    static final String PHOTOS = "photos";
    private static final int BUFFER = 1 << 16;
    private static final long PROGRESS_EVERY = 1 << 20;

    private BackupArchive() {
    }

    /** A file the backup holds beside the script (a photo's original): its name in the zip and how to write its bytes. */
    record Extra(String name, long size, Source source) {
        /** Writes the file's bytes to {@code out} (without closing it). */
        @FunctionalInterface
        interface Source {
            void writeTo(OutputStream out) throws IOException;
        }
    }

    /**
     * Writes a new file {@code out}: the script, the extra files (the photos' originals, stored as they are:
     * they are compressed already), then the manifest that {@code manifest} makes from the entries' checksums.
     * The file is flushed to the disk before this returns.
     */
    static BackupManifest write(Path out, Path script, List<Extra> extras, Function<List<BackupManifest.Entry>, BackupManifest> manifest,
                                BackupProgress progress) throws IOException {
        List<BackupManifest.Entry> entries = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER);
            ZipOutputStream zip = new ZipOutputStream(raw);
            zip.setLevel(Deflater.BEST_SPEED);
            entries.add(copyIn(zip, SCRIPT, script, progress));
            zip.setLevel(Deflater.NO_COMPRESSION); // photos are compressed already
            long written = 0;
            for (Extra e : extras) {
                entries.add(copyIn(zip, e, progress));
                written += e.size();
                progress.step("zip " + e.name() + " " + written);
            }
            BackupManifest m = manifest.apply(entries);
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(m.toBytes());
            zip.closeEntry();
            zip.finish();
            zip.flush();
            ch.force(true);
            progress.step("written");
            return m;
        }
    }

    private static BackupManifest.Entry copyIn(ZipOutputStream zip, Extra extra, BackupProgress progress) throws IOException {
        MessageDigest sha = sha256();
        long[] size = new long[1];
        zip.putNextEntry(new ZipEntry(extra.name()));
        OutputStream counted = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                sha.update((byte) b);
                zip.write(b);
                size[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                sha.update(b, off, len);
                zip.write(b, off, len);
                size[0] += len;
            }
        };
        extra.source().writeTo(counted);
        zip.closeEntry();
        if (size[0] != extra.size()) {
            throw new IOException(extra.name() + " had " + size[0] + " bytes instead of " + extra.size());
        }
        return new BackupManifest.Entry(extra.name(), size[0], HexFormat.of().formatHex(sha.digest()));
    }

    private static BackupManifest.Entry copyIn(ZipOutputStream zip, String name, Path file, BackupProgress progress)
            throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        long reported = 0;
        zip.putNextEntry(new ZipEntry(name));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                zip.write(buf, 0, n);
                size += n;
                if (size - reported >= PROGRESS_EVERY) {
                    reported = size;
                    progress.step("zip " + name + " " + size);
                }
            }
        }
        zip.closeEntry();
        return new BackupManifest.Entry(name, size, HexFormat.of().formatHex(sha.digest()));
    }

    /**
     * Opens {@code zip}, reads its manifest and checks every entry against it (present, same size,
     * same SHA-256); with {@code extractTo}, also writes the entries there. Any problem is a
     * {@link BackupException} that says what is wrong with the file.
     */
    public static BackupManifest read(Path zip, Path extractTo) {
        String what = "The file " + zip;
        if (!Files.exists(zip)) {
            throw new BackupException(what + " does not exist.");
        }
        if (!Files.isRegularFile(zip)) {
            throw new BackupException(what + " is not a backup file (it is a folder).");
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry me = z.getEntry(MANIFEST);
            if (me == null) {
                throw new BackupException(what + " is not a Needlepoint backup: it has no " + MANIFEST
                        + (z.getEntry(SCRIPT) == null ? " and does not hold the clinic's records." : "."));
            }
            byte[] mb;
            try (InputStream in = z.getInputStream(me)) {
                mb = in.readNBytes(1 << 20);
            }
            CRC32 crc = new CRC32();
            crc.update(mb);
            if (me.getCrc() != -1 && crc.getValue() != me.getCrc()) {
                throw new BackupException(what + " is damaged: its manifest does not match its checksum.");
            }
            BackupManifest m = BackupManifest.parse(new ByteArrayInputStream(mb), what);
            if (m.entries().stream().noneMatch(e -> e.name().equals(SCRIPT))) {
                throw new BackupException(what + " is damaged: its manifest does not list the clinic's records.");
            }
            for (BackupManifest.Entry e : m.entries()) {
                ZipEntry ze = z.getEntry(e.name());
                if (ze == null) {
                    throw new BackupException(what + " is damaged or incomplete: " + e.name() + " is missing.");
                }
                Path target = extractTo == null ? null : safeTarget(extractTo, e.name(), what);
                check(z, ze, e, target, what);
            }
            return m;
        } catch (ZipException e) {
            throw new BackupException(what + " is damaged or incomplete (it cannot be read as a zip file: "
                    + e.getMessage() + "). It is not used.", e);
        } catch (NoSuchFileException e) {
            throw new BackupException(what + " does not exist.", e);
        } catch (IOException e) {
            throw new BackupException(what + " cannot be read because " + DiskErrors.reason(e) + ".", e);
        }
    }

    private static void check(ZipFile z, ZipEntry ze, BackupManifest.Entry e, Path target, String what) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        OutputStream out = null;
        try (InputStream in = z.getInputStream(ze)) {
            if (target != null) {
                Files.createDirectories(target.getParent());
                out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), BUFFER);
            }
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                size += n;
                if (out != null) {
                    out.write(buf, 0, n);
                }
            }
        } catch (ZipException | java.io.EOFException ex) {
            throw new BackupException(what + " is damaged: " + e.name() + " cannot be read (" + ex.getMessage() + ").", ex);
        } finally {
            if (out != null) {
                out.close();
            }
        }
        if (size != e.size() || !HexFormat.of().formatHex(sha.digest()).equals(e.sha256())) {
            throw new BackupException(what + " is damaged: " + e.name() + " does not match its checksum.");
        }
    }

    private static Path safeTarget(Path dir, String name, String what) {
        Path t = dir.resolve(name).normalize();
        if (!t.startsWith(dir.normalize()) || name.contains("..")) {
            throw new BackupException(what + " is not a Needlepoint backup: it holds a file outside its folders (" + name + ").");
        }
        return t;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

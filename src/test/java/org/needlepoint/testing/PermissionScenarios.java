package org.needlepoint.testing;

import static org.needlepoint.testing.AsUnprivilegedUser.report;
import static org.needlepoint.testing.AsUnprivilegedUser.thrown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.needlepoint.backup.BackupProgress;
import org.needlepoint.store.DataFolder;
import org.needlepoint.store.Database;

/**
 * The child JVM of the permission tests ({@link AsUnprivilegedUser}): each scenario makes its own folders,
 * takes write permission away, tries what a clinic PC would, and reports what happened. Run as a user whose
 * permissions bite.
 */
public final class PermissionScenarios {
    private PermissionScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = AsUnprivilegedUser.folder("needlepoint-permissions");
        switch (args[0]) {
            case "read-only-data-folder" -> {
                Path readOnly = Files.createDirectory(dir.resolve("read-only"));
                Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
                report("folder", readOnly);
                report("writable", Files.isWritable(readOnly));
                report("prepare", thrown(() -> DataFolder.prepare(readOnly)));
                report("open", thrown(() -> Database.open(readOnly).close()));
                report("inside", thrown(() -> DataFolder.prepare(readOnly.resolve("inside"))));
            }
            case "read-only-database-file" -> {
                try (Database db = Database.open(dir)) {
                    db.read(c -> null);
                }
                Path file = dir.resolve(Database.DB_FILE);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
                report("file", file);
                report("writable", Files.isWritable(file));
                report("open", thrown(() -> Database.open(dir).close()));
            }
            case "read-only-backup-folder" -> {
                Path usb = Files.createDirectories(dir.resolve("read-only"));
                Files.setPosixFilePermissions(usb, PosixFilePermissions.fromString("r-xr-xr-x"));
                report("folder", usb);
                report("writable", Files.isWritable(usb));
                try (TestClinic clinic = new TestClinic(dir.resolve("data")).withStaff()) {
                    clinic.signIn("admin");
                    report("backup", thrown(() -> clinic.services.backups().backUpFromCommandLine(usb, BackupProgress.NONE)));
                }
            }
            default -> throw new IllegalArgumentException("no scenario " + args[0]);
        }
    }
}

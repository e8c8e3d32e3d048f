package org.needlepoint.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.testing.AsUnprivilegedUser;
import org.needlepoint.testing.PermissionScenarios;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class DataFolderTest {
    private static final String HOME = "/home/ann";

    @TempDir
    Path dir;

    @Test
    void theDataOptionWinsOverEverything() {
        Path p = DataFolder.resolve("/srv/clinic-data", Map.of(DataFolder.ENV, "/from/env", "XDG_DATA_HOME", "/xdg"),
                "Linux", HOME);
        assertThat(p).isEqualTo(Path.of("/srv/clinic-data"));
    }

    @Test
    void aRelativeDataOptionIsMadeAbsolute() {
        Path p = DataFolder.resolve("clinic-data", Map.of(), "Linux", HOME);
        assertThat(p).isAbsolute().isEqualTo(Path.of("clinic-data").toAbsolutePath());
    }

    @Test
    void theEnvironmentVariableIsUsedWithoutTheOption() {
        assertThat(DataFolder.resolve(null, Map.of(DataFolder.ENV, "/from/env"), "Windows 11", HOME))
                .isEqualTo(Path.of("/from/env"));
        assertThat(DataFolder.resolve("  ", Map.of(DataFolder.ENV, "/from/env"), "Linux", HOME))
                .as("a blank --data is no choice").isEqualTo(Path.of("/from/env"));
    }

    @Test
    void windowsUsesAppData() {
        String appData = "C:\\Users\\ann\\AppData\\Roaming";
        Path p = DataFolder.resolve(null, Map.of("APPDATA", appData), "Windows 11", "C:\\Users\\ann");
        assertThat(p.getFileName()).hasToString("Needlepoint");
        assertThat(p.getParent()).isEqualTo(Path.of(appData));
    }

    @Test
    void windowsWithoutAppDataFallsBackToTheRoamingFolderInTheHome() {
        Path p = DataFolder.resolve(null, Map.of(), "Windows 10", HOME);
        assertThat(p).isEqualTo(Path.of(HOME, "AppData", "Roaming", "Needlepoint"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        Path p = DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Mac OS X", HOME);
        assertThat(p).isEqualTo(Path.of(HOME, "Library", "Application Support", "Needlepoint"));
    }

    @Test
    void linuxUsesLocalShare() {
        Path p = DataFolder.resolve(null, Map.of(), "Linux", HOME);
        assertThat(p).isEqualTo(Path.of(HOME, ".local", "share", "needlepoint"));
    }

    @Test
    void linuxHonoursXdgDataHome() {
        Path p = DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/data/ann"), "Linux", HOME);
        assertThat(p).isEqualTo(Path.of("/data/ann", "needlepoint"));
    }

    @Test
    void prepareCreatesMissingFolders() {
        Path nested = dir.resolve("a").resolve("b").resolve("needlepoint");
        DataFolder.prepare(nested);
        assertThat(nested).isDirectory();
    }

    @Test
    void aFileInTheWayGivesAClearMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> DataFolder.prepare(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("data folder")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aReadOnlyFolderGivesAClearMessage() throws Exception {
        // in a child JVM as a user whose permissions bite, root included (AsUnprivilegedUser)
        Map<String, String> r = AsUnprivilegedUser.run(PermissionScenarios.class, "read-only-data-folder");
        String readOnly = r.get("folder");
        assertThat(r.get("writable")).as("the folder is really read-only for the child").isEqualTo("false");
        assertThat(r.get("prepare")).startsWith("StoreException: ").contains(readOnly).contains("cannot be written to")
                .contains("--data");
        assertThat(r.get("open")).startsWith("StoreException: ").contains("cannot be written to");
        assertThat(r.get("inside")).startsWith("StoreException: ")
                .contains("does not exist and cannot be created because writing there is not allowed");
    }

    @Test
    void aDataFolderUnderARegularFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        // works as root too, where folder permissions do not bite: no one can create a folder inside a file
        Path file = Files.writeString(dir.resolve("usb-disk"), "not a folder");
        Path data = file.resolve("needlepoint");
        assertThatThrownBy(() -> Database.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessage("The data folder " + data + " does not exist and cannot be created because part of the path"
                        + " is a file, not a folder. If it is on another disk or a network share, check that it is connected;"
                        + " or choose another folder with --data.");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aDataFolderOnAFullDiskIsRefusedBeforeTheDatabaseIsOpened() throws Exception {
        Path devFull = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(devFull), "needs Linux's /dev/full, a device that is always full");
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.createSymbolicLink(data.resolve(".needlepoint-write-check"), devFull);
        assertThatThrownBy(() -> Database.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessage("The data folder " + data + " is on a disk that is full. Free some space on that disk, then try"
                        + " again.");
        assertThat(data.resolve(Database.DB_FILE)).doesNotExist();
        assertThat(data.resolve("needlepoint.lock")).doesNotExist();
    }

    @Test
    void aReadOnlyDatabaseFileIsRefused() throws Exception {
        Map<String, String> r = AsUnprivilegedUser.run(PermissionScenarios.class, "read-only-database-file");
        assertThat(r.get("writable")).as("the file is really read-only for the child").isEqualTo("false");
        assertThat(r.get("open")).startsWith("StoreException: ")
                .contains("The clinic's database file " + r.get("file") + " cannot be written to");
    }

    // ------------------------------------------------------------------ synced folders, network shares

    @Test
    void aDataFolderInsideOneDriveOrDropboxIsRefusedAndNothingIsWrittenThere() {
        for (String synced : new String[] {"OneDrive", "OneDrive - Example Clinic LLC", "Dropbox", "Dropbox (Personal)"}) {
            Path folder = dir.resolve("Users").resolve("ann").resolve(synced).resolve("Needlepoint");
            assertThatThrownBy(() -> Database.open(folder))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("The data folder " + folder + " is inside a")
                    .hasMessageContaining("(" + synced + ")")
                    .hasMessageContaining("Sync tools replace files while they are open")
                    .hasMessageContaining("Choose a folder on this PC's own disk, outside any synced folder: the usual one is ")
                    .hasMessageContaining("Backups may still go to a synced folder");
            assertThat(dir.resolve("Users")).as(synced + ": nothing created").doesNotExist();
        }
    }

    @Test
    void everySyncToolsFolderIsRecognisedWhateverTheCase() {
        Path instead = Path.of("/home/ann/.local/share/needlepoint");
        for (String path : new String[] {"C:\\Users\\ann\\onedrive\\Clinic", "/Users/ann/Library/CloudStorage/GoogleDrive-ann@example.com/My Drive/np",
                "G:\\My Drive\\Needlepoint", "/home/ann/Google Drive/np", "C:\\Users\\ann\\iCloudDrive\\np",
                "/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/np", "/home/ann/DROPBOX/np"}) {
            assertThat(DataFolder.unsafePlace(path, "ext4", instead)).as(path).isNotNull()
                    .contains("keeps it in sync").contains(instead.toString());
        }
        assertThat(DataFolder.unsafePlace("/home/ann/.local/share/needlepoint", "ext4", instead)).isNull();
        assertThat(DataFolder.unsafePlace("/home/ann/dropboxes/np", "ext4", instead)).as("only the sync tool's own folder")
                .isNull();
        assertThat(DataFolder.unsafePlace("/mnt/cloud/np", "fuse.rclone", instead)).contains("a cloud drive (fuse.rclone)");
    }

    @Test
    void aDataFolderOnANetworkShareIsRefused() {
        Path instead = Path.of("C:\\Users\\ann\\AppData\\Roaming\\Needlepoint");
        assertThat(DataFolder.unsafePlace("\\\\clinic-nas\\share\\Needlepoint", "NTFS", instead))
                .startsWith("The data folder \\\\clinic-nas\\share\\Needlepoint is on a network share.")
                .contains("damaged when the connection drops").contains(instead.toString());
        for (String type : new String[] {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "afpfs"}) {
            assertThat(DataFolder.unsafePlace("/srv/np", type, instead)).as(type).contains("network share (" + type + ")");
        }
        for (String local : new String[] {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "NTFS", "apfs", "zfs", null}) {
            assertThat(DataFolder.unsafePlace("/srv/np", local, instead)).as(local).isNull();
        }
    }

    @Test
    void backupsMayGoToASyncedFolder() throws Exception {
        Path synced = dir.resolve("Dropbox").resolve("clinic-backups");
        try (org.needlepoint.testing.TestClinic clinic = new org.needlepoint.testing.TestClinic(dir.resolve("data")).withStaff()) {
            clinic.services.backups().backUpFromCommandLine(synced, org.needlepoint.backup.BackupProgress.NONE);
        }
        assertThat(synced).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".zip"));
    }
}

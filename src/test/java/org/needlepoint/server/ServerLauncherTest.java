package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.store.StoreException;
import org.needlepoint.testing.ServerProcess;
import org.needlepoint.testing.SilentChild;
import org.needlepoint.testing.TestClinic;

/** Admin ▸ Clinic server's "Turn this PC into the clinic server", without the window: a real {@code serve} in a child process. */
class ServerLauncherTest {
    @TempDir
    Path dir;

    /** This test's Java and class path, with the child JVM kept small, as testing/ServerProcess runs it. */
    static List<String> javaLauncher(String mainClass) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xmx192m", "-cp", cp, mainClass);
    }

    @Test
    void theServerRunsAsAProcessOfItsOwnAndTheRecordsOpenThroughIt() throws Exception {
        Path folder = dir.resolve("clinic");
        try (TestClinic clinic = new TestClinic(folder).withStaff()) {
            clinic.automaticBackups(false);
        }
        int port = ServerProcess.freePortPair();
        ServerLauncher launcher = new ServerLauncher(javaLauncher(ServerLauncher.MAIN),
                List.of("--bind", "127.0.0.1", "--port", Integer.toString(port)), Duration.ofSeconds(90));

        ServerLauncher.Started started = launcher.start(folder);
        ProcessHandle server = ProcessHandle.of(started.pid()).orElseThrow();
        try {
            assertThat(server.isAlive()).isTrue();
            assertThat(JoinCodes.normalise(started.joinCode())).isNotNull();
            assertThat(started.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThat(Files.readString(folder.resolve(ServerLauncher.LOG))).contains("Join code:   " + started.joinCode());
            if (Files.isDirectory(Path.of("/proc", Long.toString(started.pid())))) {
                // detached: its output goes to the log, not to a pipe of this process, and it has a session of its own
                assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(started.pid()), "fd", "1")))
                        .isEqualTo(folder.resolve(ServerLauncher.LOG).toAbsolutePath());
                assertThat(session(started.pid())).isNotEqualTo(session(ProcessHandle.current().pid()));
            }
            try (Database db = Database.openFolder(folder)) {
                assertThat(db.isRemote()).as("the served folder opens through the server").isTrue();
                Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
                assertThat(s.auth().signIn("admin", TestClinic.PASSWORD.toCharArray()).displayName()).isEqualTo("Alex Admin");
            }
        } finally {
            server.destroy();
            server.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    private static String session(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]; // state ppid pgrp session
    }

    @Test
    void aServerThatStopsAtOnceIsReportedInItsOwnWords() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("joined"));
        new org.needlepoint.store.ClinicLink("Elsewhere", "192.0.2.1", 9478, "PC_9", "x", "AB:CD", "Room",
                java.time.Instant.now()).write(folder); // a joined PC's folder: serve refuses it at once
        ServerLauncher launcher = new ServerLauncher(javaLauncher(ServerLauncher.MAIN),
                List.of("--bind", "127.0.0.1", "--port", Integer.toString(ServerProcess.freePortPair())), Duration.ofSeconds(90));

        assertThatThrownBy(() -> launcher.start(folder)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("The clinic server did not start: ")
                .hasMessageContaining("is joined to the clinic server at 192.0.2.1:9478");
    }

    @Test
    void aServerThatSaysNothingIsStoppedAfterTheTimeout() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("silent"));
        ServerLauncher launcher = new ServerLauncher(javaLauncher(SilentChild.class.getName()), List.of(), Duration.ofSeconds(2));

        assertThatThrownBy(() -> launcher.start(folder)).isInstanceOf(StoreException.class)
                .hasMessage("The clinic server did not start within 2 seconds, so it was stopped. It printed nothing.");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().orElse("").contains(SilentChild.class.getName())).toList())
                .as("the silent server was stopped").isEmpty();
    }

    @Test
    void anInstalledAppStartsTheServerWithItsServerLauncherWhereThereIsOne() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("install").resolve("bin"));
        Path app = Files.createFile(bin.resolve("Needlepoint"));
        Properties installed = new Properties();
        installed.setProperty("jpackage.app-path", app.toString());
        assertThat(ServerLauncher.launcherOf(installed)).as("an install without one (older)").containsExactly(app.toString());

        Path server = Files.createFile(bin.resolve("NeedlepointServer"));
        assertThat(ServerLauncher.launcherOf(installed)).as("not executable").containsExactly(app.toString());
        assertThat(server.toFile().setExecutable(true)).isTrue();
        assertThat(ServerLauncher.launcherOf(installed)).containsExactly(server.toString());

        Path exe = Files.createFile(bin.resolve("Needlepoint.exe"));
        Path serverExe = Files.createFile(bin.resolve("NeedlepointServer.exe"));
        assertThat(serverExe.toFile().setExecutable(true)).isTrue();
        installed.setProperty("jpackage.app-path", exe.toString());
        assertThat(ServerLauncher.launcherOf(installed)).as("Windows").containsExactly(serverExe.toString());
    }

    @Test
    void theLauncherIsTheInstalledAppWhenThereIsOneElseThisJavaAndClassPath() {
        Properties installed = new Properties();
        installed.setProperty("jpackage.app-path", "/opt/needlepoint/bin/Needlepoint");
        installed.setProperty("java.home", "/opt/needlepoint/lib/runtime");
        installed.setProperty("java.class.path", "/opt/needlepoint/lib/app/needlepoint.jar");
        assertThat(ServerLauncher.launcherOf(installed)).containsExactly("/opt/needlepoint/bin/Needlepoint");

        Properties plain = new Properties();
        plain.setProperty("java.home", "/usr/lib/jvm/java-17");
        plain.setProperty("java.class.path", "target/classes" + File.pathSeparator + "/libs/h2.jar");
        List<String> java = ServerLauncher.launcherOf(plain);
        assertThat(java).containsExactly(Path.of("/usr/lib/jvm/java-17", "bin", "java").toString(), "-cp",
                new File("target/classes").getAbsolutePath() + File.pathSeparator + "/libs/h2.jar", "org.needlepoint.Main");

        Path folder = dir.resolve("records");
        List<String> cmd = new ServerLauncher(java, List.of("--port", "9500"), Duration.ofSeconds(1)).command(folder);
        assertThat(cmd.subList(cmd.size() - 5, cmd.size())).containsExactly("--data", folder.toAbsolutePath().toString(),
                "serve", "--port", "9500");
        assertThat(cmd.subList(cmd.size() - 5 - java.size(), cmd.size() - 5)).isEqualTo(java);
    }
}

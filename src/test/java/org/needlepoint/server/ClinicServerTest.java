package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.Main;
import org.needlepoint.app.Services;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.AlreadyOpenException;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.Database;
import org.needlepoint.store.ServerUnreachableException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.ServerProcess;
import org.needlepoint.testing.TestClinic;

/**
 * The clinic server for real: {@code serve} in a child JVM on loopback with TLS, PCs joining it
 * with codes, and working through it as their own database users.
 */
class ClinicServerTest {
    @TempDir
    static Path dir;
    static ServerProcess server;

    @BeforeAll
    static void serve() throws Exception {
        Path records = dir.resolve("server");
        server = ServerProcess.serveTestClinic(records);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Joins a new empty folder with a fresh code made by the admin on an already joined PC (or the server's first code). */
    private static ClinicLink join(String name) {
        Path folder = dir.resolve("pc-" + name + "-" + System.nanoTime());
        String code = codeFromAdmin();
        return new JoinClient(Clock.systemUTC()).join(folder, JoinClient.Address.parse(server.address()), code, name, null)
                .link();
    }

    private static Path firstPc;

    private static synchronized String codeFromAdmin() {
        if (firstPc == null) {
            firstPc = dir.resolve("first-pc");
            new JoinClient(Clock.systemUTC()).join(firstPc, JoinClient.Address.parse(server.address()), server.joinCode,
                    "Front desk", server.fingerprint);
        }
        try (Database db = Database.openFolder(firstPc)) {
            Services s = services(db);
            s.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
            return s.clinicPcs().makeJoinCode();
        }
    }

    private static Services services(Database db) {
        return new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
    }

    private static Path folderOf(ClinicLink link) throws Exception {
        Path f = Files.createTempDirectory(dir, "pc");
        link.write(f);
        return f;
    }

    @Test
    void theServerPrintsTheClinicItsAddressItsFingerprintAndAJoinCode() {
        assertThat(server.printed()).anySatisfy(l -> assertThat(l).contains("Test Clinic"));
        assertThat(server.printed()).anySatisfy(l -> assertThat(l).startsWith("Address:").contains("127.0.0.1:" + server.port));
        assertThat(server.fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(JoinCodes.normalise(server.joinCode)).isNotNull();
        assertThat(server.folder.resolve(ServerKeys.STORE)).exists();
        assertThat(server.folder.resolve("owner.secret")).exists();
    }

    @Test
    void aJoinedPcWorksOnTheServersRecordsAsItsOwnUser() throws Exception {
        ClinicLink link = join("Room 1");
        assertThat(link.user()).startsWith("PC_");
        assertThat(link.fingerprint()).isEqualTo(server.fingerprint);
        assertThat(link.clinic()).isEqualTo("Test Clinic");
        Path folder = folderOf(link);
        assertThat(Files.list(folder).map(p -> p.getFileName().toString()).toList())
                .containsExactly(ClinicLink.FILE); // the link only: no records on the PC
        long id;
        try (Database db = Database.openFolder(folder)) {
            assertThat(db.isRemote()).isTrue();
            Services s = services(db);
            s.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
            Patient p = s.patients().create(TestClinic.patient("Joined", "Record", "1980-02-03", "5550101000"), true);
            id = p.id();
            assertThat(p.chartNumber()).isPositive(); // the chart number sequence works for a PC's user
        }
        // another PC sees it, through the server
        try (Database db = Database.openFolder(folderOf(join("Room 2")))) {
            Services s = services(db);
            s.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
            assertThat(s.patients().open(id).details().lastName()).isEqualTo("Record");
        }
    }

    @Test
    void aChangeOnOnePcReachesTheOtherPcsChangeFeed() throws Exception {
        try (Database a = Database.openFolder(folderOf(join("Feed A")));
             Database b = Database.openFolder(folderOf(join("Feed B")))) {
            Services sa = services(a);
            Services sb = services(b);
            sa.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
            java.util.concurrent.CountDownLatch heard = new java.util.concurrent.CountDownLatch(1);
            List<Boolean> reach = new java.util.concurrent.CopyOnWriteArrayList<>();
            sb.changes().interval(java.time.Duration.ofMillis(200));
            sb.changes().onReachable(reach::add);
            sb.changes().subscribe(java.util.Set.of(org.needlepoint.store.ChangeFeed.PATIENT), heard::countDown);
            sb.changes().start();
            org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !reach.isEmpty());
            sa.patients().create(TestClinic.patient("Fed", "Elsewhere", "1966-06-06", "5550104000"), true);
            assertThat(heard.await(3, java.util.concurrent.TimeUnit.SECONDS)).as("PC B heard PC A's new patient").isTrue();
            assertThat(reach).containsExactly(true);
            sb.changes().close();
        }
    }

    @Test
    void checkAndDueWorkOnAJoinedFolderAsOnAnEmbeddedOne() throws Exception {
        Path folder = folderOf(join("Check PC"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new org.needlepoint.cli.Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"--data", folder.toString(), "check"});
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("PROBLEM");
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("patients");
    }

    @Test
    void backUpNowOnAJoinedPcIsMadeByTheServerAndShowsInTheBackupStatus() throws Exception {
        try (Database db = Database.openFolder(folderOf(join("Backup PC")))) {
            Services s = services(db);
            s.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
            List<String> steps = new java.util.ArrayList<>();
            var file = s.backups().backUpNow(steps::add);
            assertThat(file.path().toString()).startsWith(server.folder.resolve("backups").toString()).endsWith(".zip");
            assertThat(Files.size(file.path())).isEqualTo(file.size()).isPositive(); // on the server's disk (here the same)
            assertThat(steps).anySatisfy(x -> assertThat(x).contains("clinic server"));
            assertThat(s.backups().status().lastSuccess().file()).isEqualTo(file.path().toString());
        }
    }

    @Test
    void aUsedAWrongAndAnExpiredCodeAreEachRefusedWithTheirReason() throws Exception {
        String code = codeFromAdmin();
        JoinClient client = new JoinClient(Clock.systemUTC());
        var address = JoinClient.Address.parse(server.address());
        client.join(dir.resolve("used-1"), address, code, "First", null);
        assertThatThrownBy(() -> client.join(dir.resolve("used-2"), address, code, "Second", null))
                .hasMessageContaining("already used").hasMessageContaining("First");
        assertThat(dir.resolve("used-2").resolve(ClinicLink.FILE)).doesNotExist();
        assertThatThrownBy(() -> client.join(dir.resolve("wrong"), address, "AAAA-BBBB-CCCC", "Wrong", null))
                .hasMessageContaining("not one the clinic server made");
        assertThatThrownBy(() -> client.join(dir.resolve("garbled"), address, "hello", "Wrong", null))
                .hasMessageContaining("not a join code");
        // an expired code: made by the admin with its time already past (the PC's role may insert codes, not read them)
        String expired = JoinCodes.make();
        try (Database db = Database.openFolder(firstPc)) {
            db.tx(c -> {
                new PcStore().insertCode(c, JoinCodes.hash(JoinCodes.normalise(expired)),
                        java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().minusSeconds(2700), null);
                return null;
            });
        }
        assertThatThrownBy(() -> client.join(dir.resolve("expired"), address, expired, "Late", null))
                .hasMessageContaining("expired");
    }

    @Test
    void aServerShowingAnotherCertificateIsRefused() throws Exception {
        var address = JoinClient.Address.parse(server.address());
        String wrong = server.fingerprint.replace('A', 'B').replace('0', '1');
        String code = codeFromAdmin();
        assertThatThrownBy(() -> new JoinClient(Clock.systemUTC()).join(dir.resolve("mitm"), address, code, "X", wrong))
                .hasMessageContaining("not the one you typed");
        // a PC whose pinned fingerprint is not the server's certificate's cannot connect
        ClinicLink good = join("Pinned");
        ClinicLink other = new ClinicLink(good.clinic(), good.host(), good.port(), good.user(), good.password(), wrong,
                good.pcName(), good.joinedAt());
        Path folder = folderOf(other);
        assertThatThrownBy(() -> Database.openFolder(folder)).isInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("certificate is not the one this PC joined");
    }

    @Test
    void tlsIsReallyOnAPlainTcpClientIsRefused() {
        ClinicLink link = join("Plain");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + server.port + "/needlepoint",
                link.user(), link.password()).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void theOwnerAccountCannotBeUsedFromTheNetwork() {
        assertThatThrownBy(() -> {
            PinnedTlsAccess.pin(server.port, server.fingerprint);
            DriverManager.getConnection("jdbc:h2:ssl://127.0.0.1:" + server.port + "/needlepoint", "needlepoint", "").close();
        }).isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
    }

    @Test
    void aJoinedPcCannotDropTheGuardsOrRewriteTheAuditLog() throws Exception {
        ClinicLink link = join("Raw SQL");
        PinnedTlsAccess.pin(link.port(), link.fingerprint());
        try (Connection c = DriverManager.getConnection(link.url(), link.user(), link.password());
             Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("DROP TRIGGER audit_log_no_update")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("UPDATE audit_log SET summary = 'x'")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("rights");
            assertThatThrownBy(() -> st.execute("DELETE FROM audit_log")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("rights");
            assertThatThrownBy(() -> st.execute("DROP TABLE patient")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("UPDATE join_code SET used_at = NULL")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("CREATE USER intruder PASSWORD 'x' ADMIN")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void twoPcsEditingOneRecordTheSecondIsRefusedNamingWhoSavedFirst() throws Exception {
        try (Database a = Database.openFolder(folderOf(join("Desk A")));
             Database b = Database.openFolder(folderOf(join("Desk B")))) {
            Services sa = services(a);
            Services sb = services(b);
            sa.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
            sb.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
            Patient p = sa.patients().create(TestClinic.patient("Both", "Edited", "1975-05-06", "5550102000"), true);
            Patient inB = sb.patients().open(p.id());
            Patient inA = sa.patients().open(p.id());
            sb.patients().update(inB, TestClinic.patient("Both", "Edited", "1975-05-06", "5550102999"));
            assertThatThrownBy(() -> sa.patients().update(inA, TestClinic.patient("Both", "Changed", "1975-05-06",
                    "5550102000"))).isInstanceOf(StaleRecordException.class).hasMessageContaining("Alex Admin");
            assertThat(sa.patients().open(p.id()).details().lastName()).isEqualTo("Edited");
        }
    }

    @Test
    void aRevokedPcIsLockedOutAtOnce() throws Exception {
        ClinicLink link = join("Stolen laptop");
        Path folder = folderOf(link);
        try (Database stolen = Database.openFolder(folder); Database admin = Database.openFolder(firstPc)) {
            stolen.read(c -> null);
            Services s = services(admin);
            s.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
            JoinedPc pc = s.clinicPcs().list().stream().filter(x -> x.dbUser().equals(link.user())).findFirst().orElseThrow();
            assertThat(pc.name()).isEqualTo("Stolen laptop");
            s.clinicPcs().revoke(pc.id(), "laptop stolen");
            // its open connection is ended and it cannot sign in to the database again
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> {
                try {
                    // a statement: lending a pooled connection alone asks nothing of the server
                    stolen.read(c -> org.needlepoint.store.Sql.count(c, "SELECT 1"));
                    return false;
                } catch (ServerUnreachableException locked) {
                    return true;
                }
            });
        }
        assertThatThrownBy(() -> Database.openFolder(folder)).isInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("no longer accepts this PC");
    }

    @Test
    void theAppOnTheServersOwnFolderWorksThroughTheServerAsAPcOfItsOwn() {
        try (Database db = Database.openFolder(server.folder)) {
            assertThat(db.isRemote()).isTrue();
            assertThat(db.link().orElseThrow().host()).isEqualTo("127.0.0.1");
            Services s = services(db);
            s.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
            assertThat(s.clinicPcs().list()).anySatisfy(pc -> assertThat(pc.name()).startsWith("This server"));
        }
        assertThat(server.folder.resolve(ClinicLink.SERVER_PC)).exists();
    }

    @Test
    void theRecordsCannotBeOpenedBesideTheServerNorServedTwice() throws Exception {
        assertThatThrownBy(() -> Database.open(server.folder)).isInstanceOf(AlreadyOpenException.class)
                .hasMessageContaining("clinic server is running");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new org.needlepoint.cli.Cli(new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"--data", server.folder.toString(),
                "backup"});
        assertThat(code).isEqualTo(1);
    }

    @Test
    void aPcOfAnotherVersionIsRefusedNamingBothVersions() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port + 1), 5000);
            s.getOutputStream().write((JoinProtocol.HELLO + "\t" + codeFromAdmin() + "\t0.0.1\tOld PC\n")
                    .getBytes(StandardCharsets.UTF_8));
            String answer = JoinProtocol.readLine(s.getInputStream());
            assertThat(answer).startsWith("REFUSED").contains("0.0.1").contains("runs Needlepoint "
                    + org.needlepoint.store.AppVersion.current());
        }
    }

    /** Keeps Main referenced so the child's entry point is on the test class path. */
    @SuppressWarnings("unused")
    private static final Class<?> ENTRY = Main.class;

    @SuppressWarnings("unused")
    private static final List<String> UNUSED = List.of();
}

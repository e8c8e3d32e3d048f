package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading what an app-image's launcher runs from its cfg, as jpackage 17 writes it. */
class AppImageTest {
    private static final String CFG = """
            [Application]
            app.classpath=$APPDIR/needlepoint.jar
            app.mainclass=org.needlepoint.Main
            app.classpath=$APPDIR/lib/h2-2.5.252.jar
            app.classpath=$APPDIR/lib/javafx-base-21.0.12-linux.jar

            [JavaOptions]
            java-options=-Djpackage.app-version=0.1.0
            java-options=-XX:+UseSerialGC
            java-options=-Xmx256m
            java-options=-XX:SharedArchiveFile=$APPDIR/needlepoint.jsa
            java-options=-Dlauncher.dir=$BINDIR -Droot=$ROOTDIR
            """;

    @TempDir
    Path dir;

    private Path linuxImage(String cfg) throws IOException {
        Path root = dir.resolve("Needlepoint");
        Files.createDirectories(root.resolve("lib/app"));
        Files.writeString(root.resolve("lib/app/Needlepoint.cfg"), cfg);
        return root;
    }

    @Test
    void readsTheLaunchersClassPathMainClassAndOptionsWithItsFoldersFilledIn() throws IOException {
        Path root = linuxImage(CFG);
        Path app = root.resolve("lib/app");

        AppImage image = AppImage.read(root);

        assertThat(image.appDir()).isEqualTo(app);
        assertThat(image.launcher()).isEqualTo(root.resolve("bin/Needlepoint"));
        assertThat(image.java()).isEqualTo(root.resolve("lib/runtime/bin/java"));
        assertThat(image.mainClass()).isEqualTo("org.needlepoint.Main");
        assertThat(image.classPath()).containsExactly(app + "/needlepoint.jar", app + "/lib/h2-2.5.252.jar",
                app + "/lib/javafx-base-21.0.12-linux.jar");
        assertThat(image.javaOptions()).containsExactly("-Djpackage.app-version=0.1.0", "-XX:+UseSerialGC", "-Xmx256m",
                "-XX:SharedArchiveFile=" + app + "/needlepoint.jsa",
                "-Dlauncher.dir=" + root.resolve("bin") + " -Droot=" + root);
    }

    @Test
    void separatesTheAppCdsArchiveFromTheOtherOptions() throws IOException {
        AppImage image = AppImage.read(linuxImage(CFG));

        assertThat(image.archive()).contains(image.appDir().resolve("needlepoint.jsa"));
        assertThat(image.javaOptionsWithoutArchive()).hasSize(image.javaOptions().size() - 1)
                .noneMatch(o -> o.contains("SharedArchiveFile")).contains("-XX:+UseSerialGC", "-Xmx256m");
        assertThat(AppImage.read(linuxImage(CFG.replace("java-options=-XX:SharedArchiveFile=$APPDIR/needlepoint.jsa\n", "")))
                .archive()).isEmpty();
    }

    @Test
    void knowsTheWindowsAndMacOsLayouts() throws IOException {
        Path win = dir.resolve("win/Needlepoint");
        Files.createDirectories(win.resolve("app"));
        Files.writeString(win.resolve("app/Needlepoint.cfg"), CFG);
        Path mac = dir.resolve("mac/Needlepoint.app");
        Files.createDirectories(mac.resolve("Contents/app"));
        Files.writeString(mac.resolve("Contents/app/Needlepoint.cfg"), CFG);

        assertThat(AppImage.read(win).launcher()).isEqualTo(win.resolve("NeedlepointCli.exe"));
        assertThat(AppImage.read(win).java()).isEqualTo(win.resolve("runtime/bin/java.exe"));
        assertThat(AppImage.read(mac).launcher()).isEqualTo(mac.resolve("Contents/MacOS/Needlepoint"));
        assertThat(AppImage.read(mac).classPath().get(0)).isEqualTo(mac.resolve("Contents/app") + "/needlepoint.jar");
    }

    @Test
    void findsTheOneTheBuildLeavesBesideTheJarOrClasses() throws IOException {
        Path target = dir.resolve("target");
        Files.createDirectories(target.resolve("installer/Needlepoint/lib/app"));
        Files.writeString(target.resolve("installer/Needlepoint/lib/app/Needlepoint.cfg"), CFG);
        assertThat(AppImage.find(target.resolve("needlepoint.jar")).map(AppImage::root))
                .contains(target.resolve("installer/Needlepoint"));
        assertThat(AppImage.find(target.resolve("test-classes")).map(AppImage::root))
                .contains(target.resolve("installer/Needlepoint"));
        assertThat(AppImage.find(dir.resolve("elsewhere/needlepoint.jar"))).isEmpty();
    }

    @Test
    void aFolderThatIsNoAppImageOrACfgWithoutMainClassIsAClearError() throws IOException {
        assertThatThrownBy(() -> AppImage.read(dir)).hasMessageContaining("not a Needlepoint app-image")
                .hasMessageContaining("mvn -Pinstaller package");
        Path root = linuxImage("[Application]\napp.classpath=$APPDIR/needlepoint.jar\n");
        assertThatThrownBy(() -> AppImage.read(root)).hasMessageContaining("no main class");
    }
}

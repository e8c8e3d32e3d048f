package org.needlepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of ARCHITECTURE.md, checked on the sources: a plain scan of src/main/java with comments
 * and string contents told apart, so a rule broken anywhere fails here with the file and the line.
 */
class ArchitectureTest {
    static final Path MAIN = Path.of("src", "main", "java", "org", "needlepoint");
    /** Packages that are features: each may import ui, common, store and other features' services, never app. */
    static final Set<String> FEATURES = Set.of("security", "backup", "clinic", "patient", "chart", "inventory", "followup",
            "report", "server", "schedule", "checkout");
    /** SQL outside a class named *Store or the store package: the backup engine writes and replays SQL scripts (SCRIPT TO,
     *  RUNSCRIPT) and checks them statement by statement before they run. */
    static final Set<String> SQL_ALLOWED = Set.of("backup/BackupWriter.java", "backup/Restore.java", "backup/ScriptGuard.java");
    private static final Pattern SQL = Pattern.compile("\"\\s*(SELECT\\s|INSERT\\s+INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM"
            + "|CREATE\\s|ALTER\\s|DROP\\s|MERGE\\s+INTO|SCRIPT\\s|RUNSCRIPT|CHECKPOINT|SHUTDOWN)");
    private static final Pattern JDBC_STATEMENT = Pattern.compile("\\.(prepareStatement|createStatement|prepareCall)\\(");

    record Source(String path, String pkg, List<String> lines) {
        /** The code lines: comments blanked, string contents kept (SQL lives in strings). */
        static Source read(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String rel = MAIN.relativize(file).toString().replace('\\', '/');
                String pkg = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
                return new Source(rel, pkg, List.of(withoutComments(text).split("\n", -1)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        List<String> matching(Pattern p) {
            List<String> hits = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).find()) {
                    hits.add(path + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
            return hits;
        }
    }

    static List<Source> sources;

    @BeforeAll
    static void scan() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Source::read).toList();
        }
        assertThat(sources).as("sources found").hasSizeGreaterThan(100);
    }

    @Test
    void noFeatureImportsTheCompositionRoot() {
        Pattern app = Pattern.compile("\\borg\\.needlepoint\\.app\\.");
        List<String> hits = new ArrayList<>();
        for (Source s : sources) {
            if (FEATURES.contains(s.pkg()) || s.pkg().equals("ui") || s.pkg().equals("store") || s.pkg().equals("common")) {
                hits.addAll(s.matching(app));
            }
        }
        assertThat(hits).as("features, ui, store and common never use app (the composition root)").isEmpty();
    }

    @Test
    void theUiKitAndCommonImportNoFeature() {
        Pattern feature = Pattern.compile("\\borg\\.needlepoint\\.(" + String.join("|", FEATURES) + "|store|app|cli)\\.");
        List<String> hits = new ArrayList<>();
        for (Source s : sources) {
            if (s.pkg().equals("ui") || s.pkg().equals("common")) {
                hits.addAll(s.matching(feature));
            }
        }
        assertThat(hits).as("ui and common import no feature").isEmpty();
    }

    @Test
    void servicesAndStoresImportNoJavaFx() {
        Pattern fx = Pattern.compile("\\bjavafx\\.");
        List<String> hits = new ArrayList<>();
        for (Source s : sources) {
            String name = s.path().substring(s.path().lastIndexOf('/') + 1);
            if (name.endsWith("Service.java") || name.endsWith("Store.java") || s.pkg().equals("store")
                    || s.pkg().equals("common")) {
                hits.addAll(s.matching(fx));
            }
        }
        assertThat(hits).as("services, stores, store and common never touch JavaFX").isEmpty();
    }

    @Test
    void sqlOnlyInStores() {
        List<String> hits = new ArrayList<>();
        for (Source s : sources) {
            String name = s.path().substring(s.path().lastIndexOf('/') + 1);
            boolean store = name.endsWith("Store.java") || s.pkg().equals("store") || SQL_ALLOWED.contains(s.path())
                    || isTrigger(s);
            if (!store) {
                hits.addAll(s.matching(SQL));
                hits.addAll(s.matching(JDBC_STATEMENT));
            }
        }
        assertThat(hits).as("SQL is written only in stores (and the database's own triggers)").isEmpty();
    }

    @Test
    void theRulesSeeWhatTheyCheck() {
        // the scan must find the things it rules on, or the rules above would pass on nothing
        assertThat(sources.stream().filter(s -> s.pkg().equals("ui")).count()).isGreaterThan(3);
        assertThat(sources.stream().flatMap(s -> s.matching(SQL).stream()).count()).isGreaterThan(50);
        assertThat(sources.stream().filter(s -> s.path().endsWith("Controller.java"))
                .flatMap(s -> s.matching(Pattern.compile("\\bjavafx\\.")).stream()).count()).isGreaterThan(50);
        assertThat(Source.read(MAIN.resolve("ui/Forms.java")).matching(Pattern.compile("Logger"))).isNotEmpty();
        assertThat(withoutComments("a // \"SELECT x\"\nb /* SELECT */ \"SELECT 1\"")).isEqualTo("a \nb  \"SELECT 1\"");
    }

    /** A database trigger (org.h2.api.Trigger): the records' last guard, written in SQL's terms by nature. */
    private static boolean isTrigger(Source s) {
        return s.lines().stream().anyMatch(l -> l.contains("implements Trigger"));
    }

    /** The text with // and block comments removed, string and char literals kept as they are. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                boolean block = c == '"' && text.startsWith("\"\"\"", i);
                String end = block ? "\"\"\"" : String.valueOf(c);
                int j = i + end.length();
                while (j < n && !text.startsWith(end, j)) {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + end.length());
                out.append(text, i, j);
                i = j;
            } else if (text.startsWith("//", i)) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int j = text.indexOf("*/", i + 2);
                j = j < 0 ? n : j + 2;
                for (int k = i; k < j; k++) {
                    if (text.charAt(k) == '\n') {
                        out.append('\n');
                    }
                }
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}

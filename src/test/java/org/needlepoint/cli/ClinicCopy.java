package org.needlepoint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import org.needlepoint.store.Database;
import org.needlepoint.store.Seal;
import org.needlepoint.store.Sql;

/** A copy of a clinic seeded once for a test class, for a test to damage or count with raw SQL. */
final class ClinicCopy {
    private ClinicCopy() {
    }

    /** Copies the seeded clinic in {@code template} (its database and seal) into a new {@code dir}/clinic. */
    static Path of(Path template, Path dir) throws Exception {
        Path clinic = Files.createDirectory(dir.resolve("clinic"));
        for (String f : new String[] {Database.DB_FILE, Seal.FILE}) {
            Files.copy(template.resolve(f), clinic.resolve(f));
        }
        return clinic;
    }

    /** Runs {@code statements} on {@code clinic} in one transaction. */
    static void sql(Path clinic, String... statements) {
        try (Database db = Database.open(clinic)) {
            db.tx(c -> {
                try (Statement st = c.createStatement()) {
                    for (String s : statements) {
                        st.execute(s);
                    }
                }
                return null;
            });
        }
    }

    /** The number the query {@code sql} answers on {@code clinic}. */
    static long count(Path clinic, String sql) {
        try (Database db = Database.open(clinic)) {
            return db.read(c -> Sql.count(c, sql));
        }
    }
}

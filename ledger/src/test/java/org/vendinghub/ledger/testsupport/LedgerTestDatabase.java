package org.vendinghub.ledger.testsupport;

import org.vendinghub.embedded.EmbeddedMariaDb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real MariaDB per test JVM, started on first use and stopped when the JVM ends. Its directory
 * (target/test-mariadb/&lt;pid&gt; of the module under test) is wiped at start, so every run begins empty; the pid keeps
 * two builds of one working tree (several engineers, one clone) from wiping each other's running server.
 */
public final class LedgerTestDatabase {

    public static final String DATABASE = "ledger_test";

    private static EmbeddedMariaDb db;

    private LedgerTestDatabase() {
    }

    public static synchronized EmbeddedMariaDb get() {
        if (db == null) {
            Path dir = Path.of("target", "test-mariadb", Long.toString(ProcessHandle.current().pid())).toAbsolutePath();
            deleteRecursively(dir);
            db = EmbeddedMariaDb.start(dir, 0, DATABASE);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                db.close();
                deleteRecursively(dir);
            }, "test-mariadb-stop"));
        }
        return db;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}

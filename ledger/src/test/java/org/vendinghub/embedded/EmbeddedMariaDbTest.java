package org.vendinghub.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMariaDbTest {

    @TempDir
    Path dir;

    @Test
    void data_written_before_a_stop_is_there_after_the_next_start() throws SQLException {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0, "persist_check")) {
            execute(db, "CREATE TABLE kept (id INT PRIMARY KEY, note VARCHAR(20))");
            execute(db, "INSERT INTO kept VALUES (1, 'survives')");
        }
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0, "persist_check");
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM kept WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survives");
        }
    }

    @Test
    void data_written_by_a_process_that_exits_is_there_for_the_next_one() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriteThenExit.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + "-child.log").toFile()).start();
        assertThat(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(child.exitValue()).isZero();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0, "exit_check");
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void an_unwritable_data_directory_is_refused_with_the_setting_to_change() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> EmbeddedMariaDb.start(file.resolve("db"), 0, "x"))
                .isInstanceOf(EmbeddedMariaDb.EmbeddedDatabaseException.class)
                .hasMessageContaining("cannot be created")
                .hasMessageContaining("HUB_DATA_DIR");
    }

    @Test
    void an_invalid_database_name_is_refused() {
        assertThatThrownBy(() -> EmbeddedMariaDb.start(dir, 0, "drop table;"))
                .hasMessage("embedded MariaDB database name must be [A-Za-z0-9_]{1,64}, was drop table;");
    }

    private static void execute(EmbeddedMariaDb db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

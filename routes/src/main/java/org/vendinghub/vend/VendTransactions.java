package org.vendinghub.vend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.platform.DedicatedPoolTransactionManager;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The transactions of the vend batches ({@link GroupCommit}): READ COMMITTED, each in a new transaction.
 *
 * <p>READ COMMITTED: every read in a batch sees committed rows, and locking reads lock only rows that exist (no gap
 * locks), so batches on different nodes do not deadlock on each other's new rows. Every row a batch decides on is read
 * under its row lock (vends, meters, accounts), which is what makes this level enough.
 *
 * <p>The batches run on a few connections of their own, which stay in READ COMMITTED with auto-commit off (on the
 * shared pool each batch set both and put them back: four round trips, half of the receive step's statements) and keep
 * their statements prepared on the server (each batch sent its statements as text, to be parsed again every time).
 */
@Component
class VendTransactions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VendTransactions.class);

    /** Two batch workers (receive; reserve and issue), and room for a connection being replaced. */
    static final int CONNECTIONS = 4;

    private final HikariDataSource connections;
    private final TransactionTemplate template;

    VendTransactions(DataSource dataSource, EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactions) {
        HikariDataSource shared = hikari(dataSource);
        if (shared == null || shared.getJdbcUrl() == null) {
            log.warn("the data source is not a Hikari pool with a JDBC URL: vend batches use the shared connections");
            this.connections = null;
            this.template = template(transactions, TransactionDefinition.ISOLATION_READ_COMMITTED);
            return;
        }
        this.connections = batchPool(shared);
        this.template = template(new DedicatedPoolTransactionManager(entityManagerFactory, connections),
                TransactionDefinition.ISOLATION_DEFAULT); // the connections are in READ COMMITTED already
    }

    /** A new READ COMMITTED transaction for one batch. */
    TransactionTemplate readCommitted() {
        return template;
    }

    private static HikariDataSource batchPool(HikariDataSource shared) {
        HikariConfig config = new HikariConfig(); // not copyStateTo: it would share (and let us change) the driver properties
        config.setPoolName("vend-batch");
        config.setDriverClassName(shared.getDriverClassName());
        config.setJdbcUrl(shared.getJdbcUrl());
        config.setUsername(shared.getUsername());
        config.setPassword(shared.getPassword());
        config.setConnectionTimeout(shared.getConnectionTimeout());
        config.setMaxLifetime(shared.getMaxLifetime());
        config.setKeepaliveTime(shared.getKeepaliveTime());
        config.setMetricsTrackerFactory(shared.getMetricsTrackerFactory());
        Properties driver = new Properties();
        driver.putAll(shared.getDataSourceProperties());
        // the batches send the same few dozen statements again and again: prepared once per connection, each is parsed
        // once, not at every batch (one statement per IN-list length, up to the batch size, hence the cache's size)
        driver.setProperty("useServerPrepStmts", "true");
        driver.setProperty("cachePrepStmts", "true");
        driver.setProperty("prepStmtCacheSize", "1000");
        config.setDataSourceProperties(driver);
        config.setMaximumPoolSize(CONNECTIONS);
        config.setMinimumIdle(2);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new HikariDataSource(config);
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static TransactionTemplate template(PlatformTransactionManager transactions, int isolation) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(isolation);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx;
    }

    @Override
    public void close() {
        if (connections != null) {
            connections.close();
        }
    }
}

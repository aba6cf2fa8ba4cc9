package org.vendinghub.platform;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A JPA transaction manager whose transactions run on connections of a pool of their own, so that connections can keep
 * what the work needs (auto-commit off, an isolation level) instead of having it set and reset around every
 * transaction: each setting is a round trip to the database, four per transaction where it is set on the shared pool.
 *
 * <p>Everything else is the ordinary JPA transaction: the same entity manager factory and the same data source key, so
 * {@code JdbcTemplate}s and {@code @Transactional(propagation = MANDATORY)} services inside it take part in it as they
 * would in a transaction of the application's own manager. Not a bean: a second transaction manager in the context
 * would take the place of Spring Boot's.
 */
public final class DedicatedPoolTransactionManager extends JpaTransactionManager {

    private final transient HikariDataSource connections;
    /** The connections of the transactions open on each thread, innermost first (a REQUIRES_NEW suspends the outer). */
    private final transient ThreadLocal<Deque<Connection>> open = ThreadLocal.withInitial(ArrayDeque::new);

    /** {@code connections}' own settings (auto-commit, isolation) are what every transaction runs with. */
    public DedicatedPoolTransactionManager(EntityManagerFactory entityManagerFactory, HikariDataSource connections) {
        super(entityManagerFactory);
        this.connections = connections;
        afterPropertiesSet();
    }

    @Override
    protected EntityManager createEntityManagerForTransaction() {
        try {
            Connection connection = connections.getConnection();
            open.get().push(connection);
            return obtainEntityManagerFactory().unwrap(SessionFactory.class).withOptions().connection(connection).openSession();
        } catch (SQLException e) {
            throw new IllegalStateException("no connection from pool " + connections.getPoolName(), e);
        }
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        int before = open.get().size();
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException failed) {
            if (open.get().size() > before) {
                giveBackConnection();
            }
            throw failed;
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction); // closes the session; a session does not close a connection it was given
        } finally {
            giveBackConnection();
        }
    }

    private void giveBackConnection() {
        Connection connection = open.get().poll();
        if (connection == null) {
            return;
        }
        try {
            connection.close(); // back to the pool, which rolls back anything left uncommitted
        } catch (SQLException e) {
            logger.warn("could not give a connection back to pool " + connections.getPoolName(), e);
        }
    }
}

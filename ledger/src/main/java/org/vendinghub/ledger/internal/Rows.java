package org.vendinghub.ledger.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.vendinghub.ledger.NotFoundException;

import java.util.function.Supplier;

/** Row helpers shared by the feature packages. */
public final class Rows {

    private Rows() {
    }

    /**
     * Locks a row with SELECT ... FOR UPDATE and returns its latest committed state. A locking read is a current read:
     * it sees rows committed after this transaction's snapshot (a plain find may not). An entity already loaded in
     * this transaction is refreshed under the lock, because a locked find would keep its stale copy. Flushes first,
     * because a refresh throws away unflushed changes.
     */
    public static <T> T lockFresh(EntityManager em, Class<T> type, long id, Supplier<? extends RuntimeException> notFound) {
        em.flush();
        T managed = managedInstance(em, type, id);
        if (managed != null) {
            em.refresh(managed, LockModeType.PESSIMISTIC_WRITE);
            return managed;
        }
        T row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw notFound.get();
        }
        return row;
    }

    /** The instance this transaction already holds for the id, or null; never loads and never makes a proxy. */
    private static <T> T managedInstance(EntityManager em, Class<T> type, long id) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        return type.cast(session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister)));
    }

    public static <T> T lockFresh(EntityManager em, Class<T> type, long id, String what) {
        return lockFresh(em, type, id, () -> NotFoundException.of(what, id));
    }

    /** Loads a row or says which one is missing. */
    public static <T> T require(EntityManager em, Class<T> type, long id, String what) {
        T row = em.find(type, id);
        if (row == null) {
            throw NotFoundException.of(what, id);
        }
        return row;
    }
}

package org.vendinghub.vend;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The transactions of the vend batches. */
final class VendTransactions {

    private VendTransactions() {
    }

    /**
     * READ COMMITTED: every read in a batch sees committed rows, and locking reads lock only rows that exist (no gap
     * locks), so batches on different nodes do not deadlock on each other's new rows. Every row a batch decides on is
     * read under its row lock (vends, meters, accounts), which is what makes this level enough.
     */
    static TransactionTemplate readCommitted(PlatformTransactionManager transactions) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx;
    }
}

package org.vendinghub.console;

import org.vendinghub.keys.VendingKeys;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.sts.SecurityModule;

import java.util.Arrays;

/**
 * The console's key import: the same parsing and key check value ({@link VendingKeys}) as the REST import
 * ({@code POST /api/v1/supply-groups/{id}/vending-key}). Clear key bytes
 * live only in a local array that is wiped on every path; messages never repeat key material.
 */
@Component
class VendingKeyCeremony {

    static final String KCV_METHOD = VendingKeys.KCV_METHOD;
    private static final String FIELD = VendingKeys.FIELD;

    private final UtilityService utilities;
    private final SecurityModule securityModule;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    VendingKeyCeremony(UtilityService utilities, SecurityModule securityModule, AuditLog audit, TransactionTemplate tx) {
        this.utilities = utilities;
        this.securityModule = securityModule;
        this.audit = audit;
        this.tx = tx;
    }

    /** Imports the key into the security module and records its check value; answers the check value. */
    String importKey(long supplyGroupId, char[] hex, String actor) {
        SupplyGroupView group = utilities.supplyGroup(supplyGroupId);
        byte[] key = VendingKeys.parse(hex, group.dkga());
        String kcv;
        try {
            kcv = VendingKeys.checkValue(key);
            securityModule.importVendingKey(group.vendingKeyId(), key);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FIELD, e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        tx.executeWithoutResult(s -> {
            utilities.changeVendingKey(supplyGroupId, group.vendingKeyId(), kcv);
            audit.record(actor, "KEY_IMPORTED", "supply-group:" + supplyGroupId, "vending key " + group.vendingKeyId() + " of SGC "
                    + group.sgc() + " KRN " + group.krn() + " (DKGA" + group.dkga() + ") imported from the console, KCV " + kcv);
        });
        return kcv;
    }
}

package org.vendinghub.console;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.sts.SecurityModule;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The console's key import: the same steps and the same key check value as the REST import
 * ({@code POST /api/v1/supply-groups/{id}/vending-key}), whose helpers are private to its package. Clear key bytes
 * live only in a local array that is wiped on every path; messages never repeat key material.
 */
@Component
class VendingKeyCeremony {

    static final String KCV_METHOD = "first 3 bytes of HMAC-SHA256(vending key, ASCII \"KCV\"), hex";
    private static final String FIELD = "vendingKeyHex";

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
        byte[] key = parse(hex, group.dkga());
        String kcv;
        try {
            kcv = checkValue(key);
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

    private static byte[] parse(char[] hex, String dkga) {
        ValidationException.require(hex != null && hex.length > 0, FIELD, "is required");
        int bytes = "02".equals(dkga) ? 8 : 20;
        ValidationException.require(hex.length == 2 * bytes, FIELD, "a DKGA" + dkga + " vending key is " + 2 * bytes
                + " hex digits (" + bytes + " bytes), not " + hex.length + " characters");
        byte[] key = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            int high = Character.digit(hex[2 * i], 16);
            int low = Character.digit(hex[2 * i + 1], 16);
            if (high < 0 || low < 0) {
                Arrays.fill(key, (byte) 0);
                throw new ValidationException(FIELD, "must be hex digits 0-9 and A-F only");
            }
            key[i] = (byte) (high << 4 | low);
        }
        return key;
    }

    private static String checkValue(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal("KCV".getBytes(StandardCharsets.US_ASCII));
            String kcv = HexFormat.of().withUpperCase().formatHex(digest, 0, 3);
            Arrays.fill(digest, (byte) 0);
            return kcv;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }
}

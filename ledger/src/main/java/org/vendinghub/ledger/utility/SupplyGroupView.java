package org.vendinghub.ledger.utility;

/** An STS supply group. {@code vendingKeyId} names the key in the security module; no key material is kept. */
public record SupplyGroupView(long id, long utilityId, String name, String sgc, int krn, int keyType, int baseDate,
                              String dkga, String ea, String vendingKeyId, String keyCheckValue) {
}

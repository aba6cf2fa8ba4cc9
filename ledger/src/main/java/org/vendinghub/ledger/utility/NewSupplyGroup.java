package org.vendinghub.ledger.utility;

/**
 * A supply group to register. The STS parameters are checked as {@link org.vendinghub.domain.StsParameters}
 * (TI is per meter, so it is not part of a supply group).
 */
public record NewSupplyGroup(long utilityId, String name, String sgc, int krn, int keyType, int baseDate, String dkga,
                             String ea, String vendingKeyId, String keyCheckValue) {
}

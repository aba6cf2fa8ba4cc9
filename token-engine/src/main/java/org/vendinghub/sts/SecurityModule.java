package org.vendinghub.sts;

import java.util.List;

/**
 * The port through which tokens are made (in the spirit of jPOS's SMAdapter): the hub refers to vending
 * keys by id and never holds them in clear. {@code SoftwareSecurityModule} implements it with an
 * encrypted keystore; a certified STS HSM adapter implements the same interface.
 * <p>
 * Validation failures throw {@link IllegalArgumentException} with the broken rule; key store and key
 * handling failures throw {@link SecurityModuleException}.
 */
public interface SecurityModule {

    /**
     * Key ceremony: imports a clear vending key (8 bytes for DKGA02, 20 bytes for DKGA04) under an id
     * such as {@code SGC-123456-KRN1}, replacing any key with that id. The array is wiped before this
     * method returns, also on failure.
     */
    void importVendingKey(String keyId, byte[] clearVendingKey);

    boolean hasVendingKey(String keyId);

    /**
     * Issues tokens for one meter, in request order. A {@link KeyChangeRequest} contributes its 2 or 4
     * tokens in section order. {@code vendingKeyId} may be null when every request is class 1.
     */
    List<IssuedToken> issue(String vendingKeyId, MeterKeyParams meter, TokenRequest... requests);

    /** The key change set (2 or 4 tokens, sections 1, 2, 3, 4), encrypted under the current key. */
    default List<IssuedToken> keyChange(String vendingKeyId, MeterKeyParams meter, KeyChangeRequest request) {
        return issue(vendingKeyId, meter, request);
    }

    /** Decodes a token issued for this meter (verification); check {@link DecodedToken#crcOk()}. */
    DecodedToken decode(String vendingKeyId, MeterKeyParams meter, String token);

    /** True when tokens under this algorithm are test tokens (EA07 with the sample STA tables). */
    boolean isTestToken(Ea ea);
}

package org.vendinghub.sts;

import org.vendinghub.sts.token.CurrencyCoding;
import org.vendinghub.sts.token.Tid;
import org.vendinghub.sts.token.UnitsCoding;

/**
 * Class 0 TransferCredit. Subclasses 0..3 (electricity, water, gas, time) carry {@code amount} in
 * 0.1 units (tenths of kWh, m³, ...), coded in 16 bits and rounded up; subclasses 4..7 (currency for the
 * same services) carry a signed amount in 10^-5 currency units, coded in 20 bits, with CRC_C.
 *
 * @param subclass 0..7
 * @param amount   0.1 units (0..18 201 624) or 10^-5 currency units
 * @param tid      token identifier, 0..2^24−1, not the reserved minute
 * @param rnd      0..15, or {@link TokenRequest#RANDOM_RND} (ignored for currency tokens)
 */
public record CreditTokenRequest(int subclass, long amount, long tid, int rnd) implements TokenRequest {

    public CreditTokenRequest {
        if (subclass < 0 || subclass > 7) {
            throw new IllegalArgumentException("credit token subclass must be 0..7, not " + subclass);
        }
        if (subclass < 4) {
            UnitsCoding.encode(amount);
        } else {
            CurrencyCoding.encode(amount);
        }
        Tid.validate(tid);
        TokenRequest.checkRnd(rnd);
    }

    /** A units credit token (subclass 0..3) with random RND. */
    public static CreditTokenRequest units(int subclass, long tenths, long tid) {
        return new CreditTokenRequest(subclass, tenths, tid, RANDOM_RND);
    }

    /** A currency credit token (subclass 4..7); {@code amount} in 10^-5 currency units. */
    public static CreditTokenRequest currency(int subclass, long amount, long tid) {
        if (subclass < 4) {
            throw new IllegalArgumentException("currency credit subclass must be 4..7, not " + subclass);
        }
        return new CreditTokenRequest(subclass, amount, tid, RANDOM_RND);
    }

    public boolean isCurrency() {
        return subclass >= 4;
    }
}

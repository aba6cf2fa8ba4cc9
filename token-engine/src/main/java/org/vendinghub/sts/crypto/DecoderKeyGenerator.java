package org.vendinghub.sts.crypto;

import javax.security.auth.Destroyable;

import org.vendinghub.sts.Dkga;
import org.vendinghub.sts.MeterKeyParams;

/** A decoder key generation algorithm bound to one vending key. */
public interface DecoderKeyGenerator extends Destroyable {

    /** Derives the decoder key of a meter. */
    DecoderKey derive(MeterKeyParams meter);

    /** Wipes the vending key material held by this generator. */
    @Override
    void destroy();

    /** A generator for the given algorithm; copies what it needs from {@code vendingKey}, which the caller wipes. */
    static DecoderKeyGenerator of(Dkga dkga, byte[] vendingKey) {
        return dkga == Dkga.DKGA02 ? new Dkga02(vendingKey) : new Dkga04(vendingKey);
    }
}

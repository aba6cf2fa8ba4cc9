package org.vendinghub.sts;

import org.vendinghub.sts.crypto.Bytes;

/** Meters and vending keys of the public vectors (STS 531 transcriptions, see vectors-public.json). */
public final class Fixtures {

    public static final String VK04_HEX = "abababababababab949494949494949401234567";
    public static final String VK02_HEX = "ABABABABABABABAB";

    /** The STS 531 _04 vendor meter: DKGA04, EA11, KT 2, SGC 123457, TI 01, KRN 1, base 1993. */
    public static final MeterKeyParams EA11_METER = new MeterKeyParams("600727000000000009", "123457", 1, 1, 2,
            BaseDate.Y1993, Dkga.DKGA04, Ea.EA11);
    /** The CTSA01 DKGA02 meter: EA07, KT 2, SGC 123456, TI 01, KRN 1. */
    public static final MeterKeyParams EA07_METER = new MeterKeyParams("600727000000000009", "123456", 1, 1, 2,
            BaseDate.Y1993, Dkga.DKGA02, Ea.EA07);
    /** DKGA04 with EA07 (64-bit key from the same vendor key). */
    public static final MeterKeyParams DKGA04_EA07_METER = new MeterKeyParams("000001000000000082", "123457", 1, 1, 2,
            BaseDate.Y2014, Dkga.DKGA04, Ea.EA07);

    private Fixtures() {
    }

    public static byte[] vk04() {
        return Bytes.fromHex(VK04_HEX);
    }

    public static byte[] vk02() {
        return Bytes.fromHex(VK02_HEX);
    }

    public static byte[] vkFor(MeterKeyParams meter) {
        return meter.dkga() == Dkga.DKGA02 ? vk02() : vk04();
    }
}

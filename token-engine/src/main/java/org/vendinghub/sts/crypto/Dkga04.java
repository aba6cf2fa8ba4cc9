package org.vendinghub.sts.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.vendinghub.sts.Dkga;
import org.vendinghub.sts.Ea;
import org.vendinghub.sts.MeterKeyParams;

/**
 * DKGA04 (IEC 62055-41 6.5.3.6): one HMAC-SHA-256 keyed with the 160-bit vending key over
 * <pre>04 | 02 "04" | 02 BD | 02 EA | 02 TI | 00 | 04 | 06 SGC | 01 KT | 01 KRN | 12 PAN | 00 00 00 L</pre>
 * (text in ASCII, L = decoder key bits); the decoder key is the leftmost 8 (EA07) or 16 (EA11) bytes.
 * The HMAC's inner and outer states are precomputed once per vending key.
 */
public final class Dkga04 implements DecoderKeyGenerator {

    static final int MESSAGE_LENGTH = 49;

    private final HmacSha256 hmac;
    private boolean destroyed;

    /** @param vendingKey 20 bytes; the caller wipes its array */
    public Dkga04(byte[] vendingKey) {
        if (vendingKey == null || vendingKey.length != 20) {
            throw new IllegalArgumentException("DKGA04 vending key must be 160 bits (20 bytes), not "
                    + (vendingKey == null ? 0 : vendingKey.length) + " bytes");
        }
        this.hmac = new HmacSha256(vendingKey);
    }

    @Override
    public DecoderKey derive(MeterKeyParams meter) {
        if (meter.dkga() != Dkga.DKGA04) {
            throw new IllegalArgumentException("meter uses " + meter.dkga() + ", not DKGA04");
        }
        if (destroyed) {
            throw new IllegalStateException("vending key has been destroyed");
        }
        byte[] mac = hmac.mac(message(meter), MESSAGE_LENGTH);
        DecoderKey dk = meter.ea() == Ea.EA07
                ? DecoderKey.of64(Bytes.toLong(mac, 0))
                : DecoderKey.of128(Bytes.toLong(mac, 0), Bytes.toLong(mac, 8));
        Arrays.fill(mac, (byte) 0);
        return dk;
    }

    /** The 49-byte derivation data for a meter. */
    static byte[] message(MeterKeyParams meter) {
        byte[] m = new byte[MESSAGE_LENGTH];
        int p = 0;
        m[p++] = 4;
        p = item(m, p, "04");
        p = item(m, p, meter.baseDate().code());
        p = item(m, p, meter.ea().code());
        p = item(m, p, meter.tiDigits());
        m[p++] = 0;
        m[p++] = 4;
        p = item(m, p, meter.sgc());
        p = item(m, p, Integer.toHexString(meter.kt()).toUpperCase());
        p = item(m, p, Integer.toHexString(meter.krn()).toUpperCase());
        p = item(m, p, meter.pan());
        m[p + 3] = (byte) meter.ea().keyBits();
        return m;
    }

    private static int item(byte[] m, int p, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        m[p++] = (byte) b.length;
        System.arraycopy(b, 0, m, p, b.length);
        return p + b.length;
    }

    @Override
    public void destroy() {
        hmac.destroy();
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "Dkga04[redacted]";
    }
}

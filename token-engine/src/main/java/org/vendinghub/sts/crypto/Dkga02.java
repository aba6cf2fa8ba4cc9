package org.vendinghub.sts.crypto;

import java.util.Arrays;

import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.vendinghub.sts.Dkga;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.Pan;

/**
 * DKGA02 (IEC 62055-41 6.5.3.4): {@code DK = DES(VK, X) XOR X XOR VK} with
 * {@code X = PANBlock XOR CONTROLBlock}. PANBlock is PAN digits 1..16 (without the first digit and the
 * check digit) as hex nibbles, DRN digits zeroed for KT 3; CONTROLBlock is the nibbles
 * {@code KT SGC(6) TI(2) KRN FFFFFF}. The DES key schedule is computed once per vending key.
 */
public final class Dkga02 implements DecoderKeyGenerator {

    private final DESEngine des = new DESEngine();
    private long vendingKey;
    private boolean destroyed;

    /** @param vendingKey 8 bytes; copied, the caller wipes its array */
    public Dkga02(byte[] vendingKey) {
        if (vendingKey == null || vendingKey.length != 8) {
            throw new IllegalArgumentException("DKGA02 vending key must be 64 bits (8 bytes), not "
                    + (vendingKey == null ? 0 : vendingKey.length) + " bytes");
        }
        byte[] copy = vendingKey.clone();
        des.init(true, new KeyParameter(copy));
        Arrays.fill(copy, (byte) 0);
        this.vendingKey = Bytes.toLong(vendingKey, 0);
    }

    @Override
    public DecoderKey derive(MeterKeyParams meter) {
        if (meter.dkga() != Dkga.DKGA02) {
            throw new IllegalArgumentException("meter uses " + meter.dkga() + ", not DKGA02");
        }
        if (destroyed) {
            throw new IllegalStateException("vending key has been destroyed");
        }
        long x = panBlock(meter) ^ controlBlock(meter);
        byte[] buf = Bytes.ofLong(x);
        des.processBlock(buf, 0, buf, 0);
        long e = Bytes.toLong(buf, 0);
        Arrays.fill(buf, (byte) 0);
        return DecoderKey.of64(e ^ x ^ vendingKey);
    }

    /** PAN digits 1..16 as 16 hex nibbles; the DRN digits are zeroed for KT 3 (DCTK). */
    static long panBlock(MeterKeyParams meter) {
        String pan = meter.pan();
        int drnStart = meter.kt() == MeterKeyParams.KT_DCTK ? Pan.iinLength(pan) : 17;
        long block = 0;
        for (int i = 1; i <= 16; i++) {
            block = (block << 4) | (i >= drnStart ? 0 : pan.charAt(i) - '0');
        }
        return block;
    }

    /** The nibbles {@code KT SGC(6) TI(2) KRN FFFFFF}. */
    static long controlBlock(MeterKeyParams meter) {
        long block = meter.kt();
        String sgc = meter.sgc();
        for (int i = 0; i < 6; i++) {
            block = (block << 4) | (sgc.charAt(i) - '0');
        }
        block = (block << 8) | ((meter.ti() / 10) << 4) | (meter.ti() % 10);
        block = (block << 4) | meter.krn();
        return (block << 24) | 0xFFFFFF;
    }

    @Override
    public void destroy() {
        vendingKey = 0;
        des.init(true, new KeyParameter(new byte[8]));
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "Dkga02[redacted]";
    }
}

package org.vendinghub.sts.crypto;

import javax.security.auth.Destroyable;

/**
 * A decoder key of 64 (EA07) or 128 (EA11) bits. Not serialisable; {@link #toString()} never shows the
 * key; {@link #destroy()} zeroes it. Lives only inside the engine, the security module and the meter
 * simulator: the {@code SecurityModule} port never returns one.
 */
public final class DecoderKey implements Destroyable {

    private long high;
    private long low;
    private final int bits;
    private boolean destroyed;

    private DecoderKey(long high, long low, int bits) {
        this.high = high;
        this.low = low;
        this.bits = bits;
    }

    public static DecoderKey of64(long key) {
        return new DecoderKey(0, key, 64);
    }

    public static DecoderKey of128(long high, long low) {
        return new DecoderKey(high, low, 128);
    }

    /** From 8 or 16 big-endian bytes (the caller keeps and wipes its array). */
    public static DecoderKey of(byte[] key) {
        if (key.length == 8) {
            return of64(Bytes.toLong(key, 0));
        }
        if (key.length == 16) {
            return of128(Bytes.toLong(key, 0), Bytes.toLong(key, 8));
        }
        throw new IllegalArgumentException("decoder key must be 64 or 128 bits, not " + key.length * 8);
    }

    /** An independent copy (destroying one does not affect the other). */
    public DecoderKey copy() {
        checkNotDestroyed();
        return new DecoderKey(high, low, bits);
    }

    public int bits() {
        return bits;
    }

    /** Bits 127..64 of a 128-bit key (0 for a 64-bit key). */
    public long high() {
        checkNotDestroyed();
        return high;
    }

    /** Bits 63..0. */
    public long low() {
        checkNotDestroyed();
        return low;
    }

    /** 8 or 16 big-endian bytes; the caller must wipe the array. */
    public byte[] toBytes() {
        checkNotDestroyed();
        if (bits == 64) {
            return Bytes.ofLong(low);
        }
        byte[] b = new byte[16];
        Bytes.putLong(high, b, 0);
        Bytes.putLong(low, b, 8);
        return b;
    }

    @Override
    public void destroy() {
        high = 0;
        low = 0;
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "DecoderKey[" + bits + " bits, redacted]";
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("decoder key has been destroyed");
        }
    }
}

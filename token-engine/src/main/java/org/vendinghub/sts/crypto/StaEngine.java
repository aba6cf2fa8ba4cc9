package org.vendinghub.sts.crypto;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.OutputLengthException;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * EA07, the Standard Transfer Algorithm (IEC 62055-41 6.5.4): 64-bit block, 64-bit decoder key,
 * 16 rounds of key-selected nibble substitution, bit permutation and key rotation.
 * Key alignment: {@code k = ROR64(NOT DK, 12)}; in round r nibble n uses S2 if bit 4n+3 of k is set,
 * else S1; bit i then moves to bit P[i]; then {@code k = ROL64(k, 1)}.
 * <p>
 * The static {@link #encrypt(StaTables, long, long)} / {@link #decrypt(StaTables, long, long)} are the
 * allocation-free fast path; the instance methods give the Bouncy Castle {@link BlockCipher} shape.
 */
public final class StaEngine implements BlockCipher {

    private static final int ROUNDS = 16;

    private final StaTables tables;
    private boolean forEncryption;
    private long key;
    private boolean initialised;

    public StaEngine() {
        this(StaTables.sample());
    }

    public StaEngine(StaTables tables) {
        this.tables = tables;
    }

    @Override
    public void init(boolean forEncryption, CipherParameters params) {
        if (!(params instanceof KeyParameter)) {
            throw new IllegalArgumentException("invalid parameter passed to STA init - "
                    + (params == null ? "null" : params.getClass().getName()));
        }
        byte[] k = ((KeyParameter) params).getKey();
        if (k.length != 8) {
            throw new IllegalArgumentException("STA key must be 64 bits (8 bytes), not " + k.length + " bytes");
        }
        this.key = Bytes.toLong(k, 0);
        this.forEncryption = forEncryption;
        this.initialised = true;
    }

    @Override
    public String getAlgorithmName() {
        return "STA";
    }

    @Override
    public int getBlockSize() {
        return 8;
    }

    @Override
    public int processBlock(byte[] in, int inOff, byte[] out, int outOff) {
        if (!initialised) {
            throw new IllegalStateException("STA engine not initialised");
        }
        if (inOff + 8 > in.length) {
            throw new DataLengthException("input buffer too short");
        }
        if (outOff + 8 > out.length) {
            throw new OutputLengthException("output buffer too short");
        }
        long block = Bytes.toLong(in, inOff);
        Bytes.putLong(forEncryption ? encrypt(tables, key, block) : decrypt(tables, key, block), out, outOff);
        return 8;
    }

    @Override
    public void reset() {
        // stateless between blocks
    }

    /** Encrypts one block under a 64-bit decoder key. */
    public static long encrypt(StaTables t, long decoderKey, long block) {
        long[] table = t.encrypt;
        long k = Long.rotateRight(~decoderKey, 12);
        long x = block;
        for (int r = 0; r < ROUNDS; r++) {
            long out = 0;
            for (int j = 0; j < 8; j++) {
                int sel = (int) (k >>> (8 * j + 3)) & 0x11;
                sel = (sel | (sel >>> 3)) & 3;
                out |= table[(j << 10) | (sel << 8) | ((int) (x >>> (8 * j)) & 0xFF)];
            }
            x = out;
            k = Long.rotateLeft(k, 1);
        }
        return x;
    }

    /** Decrypts one block under a 64-bit decoder key. */
    public static long decrypt(StaTables t, long decoderKey, long block) {
        long[] permute = t.inversePermute;
        int[] substitute = t.inverseSubstitute;
        long k0 = Long.rotateRight(~decoderKey, 12);
        long x = block;
        for (int r = ROUNDS - 1; r >= 0; r--) {
            long k = Long.rotateLeft(k0, r);
            long p = 0;
            for (int j = 0; j < 8; j++) {
                p |= permute[(j << 8) | ((int) (x >>> (8 * j)) & 0xFF)];
            }
            long s = 0;
            for (int j = 0; j < 8; j++) {
                int sel = (int) (k >>> (8 * j + 3)) & 0x11;
                sel = (sel | (sel >>> 3)) & 3;
                s |= (long) substitute[(sel << 8) | ((int) (p >>> (8 * j)) & 0xFF)] << (8 * j);
            }
            x = s;
        }
        return x;
    }
}

package org.vendinghub.sts.crypto;

import java.util.Arrays;

/**
 * HMAC-SHA-256 (RFC 2104, FIPS 180-4) with the inner and outer hash states precomputed for one key,
 * so that a MAC over a short message costs two compression calls. Immutable after construction and
 * therefore safe to share between threads; {@link #destroy()} wipes the precomputed states.
 */
final class HmacSha256 {

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    static final int[] H0 = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

    private final int[] inner = new int[8];
    private final int[] outer = new int[8];

    HmacSha256(byte[] key) {
        byte[] k = key.length > 64 ? sha256(key) : key;
        byte[] pad = new byte[64];
        for (int i = 0; i < 64; i++) {
            pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x36);
        }
        System.arraycopy(H0, 0, inner, 0, 8);
        compress(inner, pad, 0);
        for (int i = 0; i < 64; i++) {
            pad[i] ^= 0x36 ^ 0x5C;
        }
        System.arraycopy(H0, 0, outer, 0, 8);
        compress(outer, pad, 0);
        Arrays.fill(pad, (byte) 0);
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** HMAC over {@code msg[0..len)}, 32 bytes. */
    byte[] mac(byte[] msg, int len) {
        int[] state = inner.clone();
        byte[] innerDigest = finish(state, msg, len, 64);
        state = outer.clone();
        byte[] result = finish(state, innerDigest, 32, 64);
        Arrays.fill(innerDigest, (byte) 0);
        return result;
    }

    void destroy() {
        Arrays.fill(inner, 0);
        Arrays.fill(outer, 0);
    }

    static byte[] sha256(byte[] msg) {
        int[] state = H0.clone();
        return finish(state, msg, msg.length, 0);
    }

    /** Hashes msg into a state that has already absorbed {@code prefix} bytes, with padding. */
    private static byte[] finish(int[] state, byte[] msg, int len, long prefix) {
        int off = 0;
        while (len - off >= 64) {
            compress(state, msg, off);
            off += 64;
        }
        int rest = len - off;
        byte[] last = new byte[rest < 56 ? 64 : 128];
        System.arraycopy(msg, off, last, 0, rest);
        last[rest] = (byte) 0x80;
        long bits = (prefix + len) * 8;
        for (int i = 0; i < 8; i++) {
            last[last.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        compress(state, last, 0);
        if (last.length == 128) {
            compress(state, last, 64);
        }
        Arrays.fill(last, (byte) 0);
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            int v = state[i];
            out[4 * i] = (byte) (v >>> 24);
            out[4 * i + 1] = (byte) (v >>> 16);
            out[4 * i + 2] = (byte) (v >>> 8);
            out[4 * i + 3] = (byte) v;
        }
        Arrays.fill(state, 0);
        return out;
    }

    private static void compress(int[] h, byte[] block, int off) {
        int[] w = new int[64];
        for (int i = 0; i < 16; i++) {
            int p = off + 4 * i;
            w[i] = (block[p] << 24) | ((block[p + 1] & 0xFF) << 16) | ((block[p + 2] & 0xFF) << 8) | (block[p + 3] & 0xFF);
        }
        for (int i = 16; i < 64; i++) {
            int s0 = Integer.rotateRight(w[i - 15], 7) ^ Integer.rotateRight(w[i - 15], 18) ^ (w[i - 15] >>> 3);
            int s1 = Integer.rotateRight(w[i - 2], 17) ^ Integer.rotateRight(w[i - 2], 19) ^ (w[i - 2] >>> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        int f = h[5];
        int g = h[6];
        int hh = h[7];
        for (int i = 0; i < 64; i++) {
            int t1 = hh + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                    + ((e & f) ^ (~e & g)) + K[i] + w[i];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                    + ((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
        Arrays.fill(w, 0);
    }
}

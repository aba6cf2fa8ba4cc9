package org.vendinghub.sts.crypto;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.OutputLengthException;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * MISTY1 (RFC 2994, ISO/IEC 18033-3): 64-bit block, 128-bit key, 8 rounds. This is EA11 of
 * IEC 62055-41, used there with the 128-bit decoder key and the data block big-endian, straight through.
 * Written from the RFC's description; the S7 and S9 tables are the RFC's data.
 * <p>
 * {@link #expandKey(long, long)} with {@link #encrypt(int[], long)} / {@link #decrypt(int[], long)} is the
 * fast path; the instance methods give the Bouncy Castle {@link BlockCipher} shape.
 */
public final class Misty1Engine implements BlockCipher {

    // S-boxes S7 and S9 from RFC 2994 (data)
    private static final int[] S7 = {
        27, 50, 51, 90, 59, 16, 23, 84, 91, 26, 114, 115, 107, 44, 102, 73,
        31, 36, 19, 108, 55, 46, 63, 74, 93, 15, 64, 86, 37, 81, 28, 4,
        11, 70, 32, 13, 123, 53, 68, 66, 43, 30, 65, 20, 75, 121, 21, 111,
        14, 85, 9, 54, 116, 12, 103, 83, 40, 10, 126, 56, 2, 7, 96, 41,
        25, 18, 101, 47, 48, 57, 8, 104, 95, 120, 42, 76, 100, 69, 117, 61,
        89, 72, 3, 87, 124, 79, 98, 60, 29, 33, 94, 39, 106, 112, 77, 58,
        1, 109, 110, 99, 24, 119, 35, 5, 38, 118, 0, 49, 45, 122, 127, 97,
        80, 34, 17, 6, 71, 22, 82, 78, 113, 62, 105, 67, 52, 92, 88, 125};

    private static final int[] S9 = {
        451, 203, 339, 415, 483, 233, 251, 53, 385, 185, 279, 491, 307, 9, 45, 211,
        199, 330, 55, 126, 235, 356, 403, 472, 163, 286, 85, 44, 29, 418, 355, 280,
        331, 338, 466, 15, 43, 48, 314, 229, 273, 312, 398, 99, 227, 200, 500, 27,
        1, 157, 248, 416, 365, 499, 28, 326, 125, 209, 130, 490, 387, 301, 244, 414,
        467, 221, 482, 296, 480, 236, 89, 145, 17, 303, 38, 220, 176, 396, 271, 503,
        231, 364, 182, 249, 216, 337, 257, 332, 259, 184, 340, 299, 430, 23, 113, 12,
        71, 88, 127, 420, 308, 297, 132, 349, 413, 434, 419, 72, 124, 81, 458, 35,
        317, 423, 357, 59, 66, 218, 402, 206, 193, 107, 159, 497, 300, 388, 250, 406,
        481, 361, 381, 49, 384, 266, 148, 474, 390, 318, 284, 96, 373, 463, 103, 281,
        101, 104, 153, 336, 8, 7, 380, 183, 36, 25, 222, 295, 219, 228, 425, 82,
        265, 144, 412, 449, 40, 435, 309, 362, 374, 223, 485, 392, 197, 366, 478, 433,
        195, 479, 54, 238, 494, 240, 147, 73, 154, 438, 105, 129, 293, 11, 94, 180,
        329, 455, 372, 62, 315, 439, 142, 454, 174, 16, 149, 495, 78, 242, 509, 133,
        253, 246, 160, 367, 131, 138, 342, 155, 316, 263, 359, 152, 464, 489, 3, 510,
        189, 290, 137, 210, 399, 18, 51, 106, 322, 237, 368, 283, 226, 335, 344, 305,
        327, 93, 275, 461, 121, 353, 421, 377, 158, 436, 204, 34, 306, 26, 232, 4,
        391, 493, 407, 57, 447, 471, 39, 395, 198, 156, 208, 334, 108, 52, 498, 110,
        202, 37, 186, 401, 254, 19, 262, 47, 429, 370, 475, 192, 267, 470, 245, 492,
        269, 118, 276, 427, 117, 268, 484, 345, 84, 287, 75, 196, 446, 247, 41, 164,
        14, 496, 119, 77, 378, 134, 139, 179, 369, 191, 270, 260, 151, 347, 352, 360,
        215, 187, 102, 462, 252, 146, 453, 111, 22, 74, 161, 313, 175, 241, 400, 10,
        426, 323, 379, 86, 397, 358, 212, 507, 333, 404, 410, 135, 504, 291, 167, 440,
        321, 60, 505, 320, 42, 341, 282, 417, 408, 213, 294, 431, 97, 302, 343, 476,
        114, 394, 170, 150, 277, 239, 69, 123, 141, 325, 83, 95, 376, 178, 46, 32,
        469, 63, 457, 487, 428, 68, 56, 20, 177, 363, 171, 181, 90, 386, 456, 468,
        24, 375, 100, 207, 109, 256, 409, 304, 346, 5, 288, 443, 445, 224, 79, 214,
        319, 452, 298, 21, 6, 255, 411, 166, 67, 136, 80, 351, 488, 289, 115, 382,
        188, 194, 201, 371, 393, 501, 116, 460, 486, 424, 405, 31, 65, 13, 442, 50,
        61, 465, 128, 168, 87, 441, 354, 328, 217, 261, 98, 122, 33, 511, 274, 264,
        448, 169, 285, 432, 422, 205, 243, 92, 258, 91, 473, 324, 502, 173, 165, 58,
        459, 310, 383, 70, 225, 30, 477, 230, 311, 506, 389, 140, 143, 64, 437, 190,
        120, 0, 172, 272, 350, 292, 2, 444, 162, 234, 112, 508, 278, 348, 76, 450};

    private int[] ek;
    private boolean forEncryption;

    @Override
    public void init(boolean forEncryption, CipherParameters params) {
        if (!(params instanceof KeyParameter)) {
            throw new IllegalArgumentException("invalid parameter passed to MISTY1 init - "
                    + (params == null ? "null" : params.getClass().getName()));
        }
        byte[] k = ((KeyParameter) params).getKey();
        if (k.length != 16) {
            throw new IllegalArgumentException("MISTY1 key must be 128 bits (16 bytes), not " + k.length + " bytes");
        }
        this.ek = expandKey(Bytes.toLong(k, 0), Bytes.toLong(k, 8));
        this.forEncryption = forEncryption;
    }

    @Override
    public String getAlgorithmName() {
        return "MISTY1";
    }

    @Override
    public int getBlockSize() {
        return 8;
    }

    @Override
    public int processBlock(byte[] in, int inOff, byte[] out, int outOff) {
        if (ek == null) {
            throw new IllegalStateException("MISTY1 engine not initialised");
        }
        if (inOff + 8 > in.length) {
            throw new DataLengthException("input buffer too short");
        }
        if (outOff + 8 > out.length) {
            throw new OutputLengthException("output buffer too short");
        }
        long block = Bytes.toLong(in, inOff);
        Bytes.putLong(forEncryption ? encrypt(ek, block) : decrypt(ek, block), out, outOff);
        return 8;
    }

    @Override
    public void reset() {
        // stateless between blocks
    }

    /** The 16 expanded key words EK[0..15] (K and K') for a 128-bit key given as two big-endian halves. */
    public static int[] expandKey(long keyHigh, long keyLow) {
        int[] ek = new int[16];
        for (int i = 0; i < 4; i++) {
            ek[i] = (int) (keyHigh >>> (48 - 16 * i)) & 0xFFFF;
            ek[i + 4] = (int) (keyLow >>> (48 - 16 * i)) & 0xFFFF;
        }
        for (int i = 0; i < 8; i++) {
            ek[i + 8] = fi(ek[i], ek[(i + 1) & 7]);
        }
        return ek;
    }

    public static long encrypt(int[] ek, long block) {
        int d0 = (int) (block >>> 32);
        int d1 = (int) block;
        for (int k = 0; k < 8; k += 2) {
            d0 = fl(ek, d0, k);
            d1 = fl(ek, d1, k + 1);
            d1 ^= fo(ek, d0, k);
            d0 ^= fo(ek, d1, k + 1);
        }
        d0 = fl(ek, d0, 8);
        d1 = fl(ek, d1, 9);
        return ((long) d1 << 32) | (d0 & 0xFFFFFFFFL);
    }

    public static long decrypt(int[] ek, long block) {
        int d1 = (int) (block >>> 32);
        int d0 = (int) block;
        d0 = flInverse(ek, d0, 8);
        d1 = flInverse(ek, d1, 9);
        for (int k = 6; k >= 0; k -= 2) {
            d0 ^= fo(ek, d1, k + 1);
            d1 ^= fo(ek, d0, k);
            d0 = flInverse(ek, d0, k);
            d1 = flInverse(ek, d1, k + 1);
        }
        return ((long) d0 << 32) | (d1 & 0xFFFFFFFFL);
    }

    private static int fi(int in, int key) {
        int d9 = in >>> 7;
        int d7 = in & 0x7F;
        d9 = S9[d9] ^ d7;
        d7 = S7[d7] ^ (d9 & 0x7F);
        d7 ^= key >>> 9;
        d9 ^= key & 0x1FF;
        d9 = S9[d9] ^ d7;
        return (d7 << 9) | d9;
    }

    private static int fo(int[] ek, int in, int k) {
        int t0 = in >>> 16;
        int t1 = in & 0xFFFF;
        t0 ^= ek[k];
        t0 = fi(t0, ek[((k + 5) & 7) + 8]);
        t0 ^= t1;
        t1 ^= ek[(k + 2) & 7];
        t1 = fi(t1, ek[((k + 1) & 7) + 8]);
        t1 ^= t0;
        t0 ^= ek[(k + 7) & 7];
        t0 = fi(t0, ek[((k + 3) & 7) + 8]);
        t0 ^= t1;
        t1 ^= ek[(k + 4) & 7];
        return (t1 << 16) | t0;
    }

    private static int fl(int[] ek, int in, int k) {
        int d0 = in >>> 16;
        int d1 = in & 0xFFFF;
        if ((k & 1) == 0) {
            d1 ^= d0 & ek[k / 2];
            d0 ^= d1 | ek[((k / 2 + 6) & 7) + 8];
        } else {
            d1 ^= d0 & ek[(((k - 1) / 2 + 2) & 7) + 8];
            d0 ^= d1 | ek[((k - 1) / 2 + 4) & 7];
        }
        return (d0 << 16) | d1;
    }

    private static int flInverse(int[] ek, int in, int k) {
        int d0 = in >>> 16;
        int d1 = in & 0xFFFF;
        if ((k & 1) == 0) {
            d0 ^= d1 | ek[((k / 2 + 6) & 7) + 8];
            d1 ^= d0 & ek[k / 2];
        } else {
            d0 ^= d1 | ek[((k - 1) / 2 + 4) & 7];
            d1 ^= d0 & ek[(((k - 1) / 2 + 2) & 7) + 8];
        }
        return (d0 << 16) | d1;
    }
}

package org.vendinghub.sts.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The substitution tables S1, S2 and the permutation P of the Standard Transfer Algorithm (EA07),
 * compiled into round lookup tables. {@link #sample()} gives the tables published in the standard for
 * testing; production tables are confidential and are loaded with {@link #load(Path)} from a file of
 * three lines (S1: 16 numbers, S2: 16 numbers, P: 64 numbers, separated by blanks or commas).
 * Tokens made with the sample tables are test tokens.
 */
public final class StaTables {

    private static final int[] SAMPLE_S1 = {12, 10, 8, 4, 3, 15, 0, 2, 14, 1, 5, 13, 6, 9, 7, 11};
    private static final int[] SAMPLE_S2 = {6, 9, 7, 4, 3, 10, 12, 14, 2, 13, 1, 15, 0, 11, 8, 5};
    private static final int[] SAMPLE_P = {
        29, 27, 34, 9, 16, 62, 55, 2, 40, 49, 38, 25, 33, 61, 30, 23, 1, 41, 21, 57, 42, 15, 5, 58, 19, 53, 22, 17,
        48, 28, 24, 39, 3, 60, 36, 14, 11, 52, 54, 12, 31, 51, 10, 26, 0, 45, 37, 43, 44, 6, 59, 4, 7, 35, 56, 50,
        13, 18, 32, 47, 46, 63, 20, 8};

    private static final StaTables SAMPLE = new StaTables(SAMPLE_S1, SAMPLE_S2, SAMPLE_P, true);

    private final boolean sample;
    /** [byte position j][key selector 0..3][byte value]: substitution then permutation, flattened. */
    final long[] encrypt = new long[8 * 4 * 256];
    /** [byte position j][byte value]: inverse permutation, flattened. */
    final long[] inversePermute = new long[8 * 256];
    /** [key selector 0..3][byte value]: inverse substitution of both nibbles. */
    final int[] inverseSubstitute = new int[4 * 256];

    private StaTables(int[] s1, int[] s2, int[] p, boolean sample) {
        checkPermutation("S1", s1, 16);
        checkPermutation("S2", s2, 16);
        checkPermutation("P", p, 64);
        this.sample = sample;
        compile(s1, s2, p);
    }

    /** The sample tables of IEC 62055-41 (test tokens only). */
    public static StaTables sample() {
        return SAMPLE;
    }

    /** Production tables from arrays (S1 and S2: 16 entries; P: 64 entries, bit i moves to bit P[i]). */
    public static StaTables of(int[] s1, int[] s2, int[] p) {
        boolean isSample = Arrays.equals(s1, SAMPLE_S1) && Arrays.equals(s2, SAMPLE_S2) && Arrays.equals(p, SAMPLE_P);
        return new StaTables(s1.clone(), s2.clone(), p.clone(), isSample);
    }

    /** Loads tables from a file of three lines: S1, S2, P. */
    public static StaTables load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses the three-line table format: S1, S2, P; blank lines and lines starting with # are ignored. */
    public static StaTables parse(String text) {
        int[][] rows = text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> Arrays.stream(l.split("[\\s,]+")).mapToInt(Integer::parseInt).toArray())
                .toArray(int[][]::new);
        if (rows.length != 3) {
            throw new IllegalArgumentException("STA tables need 3 lines (S1, S2, P), found " + rows.length);
        }
        return of(rows[0], rows[1], rows[2]);
    }

    /** True for the standard's sample tables: every token made with them is a test token. */
    public boolean isSample() {
        return sample;
    }

    @Override
    public String toString() {
        return sample ? "StaTables[sample]" : "StaTables[production]";
    }

    private static void checkPermutation(String name, int[] table, int size) {
        if (table == null || table.length != size) {
            throw new IllegalArgumentException("STA table " + name + " must have " + size + " entries");
        }
        boolean[] seen = new boolean[size];
        for (int v : table) {
            if (v < 0 || v >= size || seen[v]) {
                throw new IllegalArgumentException("STA table " + name + " must be a permutation of 0.." + (size - 1));
            }
            seen[v] = true;
        }
    }

    private void compile(int[] s1, int[] s2, int[] p) {
        int[] inv1 = inverse(s1);
        int[] inv2 = inverse(s2);
        for (int sel = 0; sel < 4; sel++) {
            int[] lowTable = (sel & 1) == 0 ? s1 : s2;
            int[] highTable = (sel & 2) == 0 ? s1 : s2;
            int[] lowInv = (sel & 1) == 0 ? inv1 : inv2;
            int[] highInv = (sel & 2) == 0 ? inv1 : inv2;
            for (int b = 0; b < 256; b++) {
                int substituted = lowTable[b & 15] | (highTable[b >>> 4] << 4);
                inverseSubstitute[(sel << 8) | b] = lowInv[b & 15] | (highInv[b >>> 4] << 4);
                for (int j = 0; j < 8; j++) {
                    encrypt[(j << 10) | (sel << 8) | b] = permuteByte(substituted, j, p);
                }
            }
        }
        int[] pInverse = inverse(p);
        for (int j = 0; j < 8; j++) {
            for (int b = 0; b < 256; b++) {
                inversePermute[(j << 8) | b] = permuteByte(b, j, pInverse);
            }
        }
    }

    /** Moves bit i (of byte {@code b} at byte position j) to bit perm[8j + i]. */
    private static long permuteByte(int b, int j, int[] perm) {
        long out = 0;
        for (int i = 0; i < 8; i++) {
            if ((b >>> i & 1) != 0) {
                out |= 1L << perm[8 * j + i];
            }
        }
        return out;
    }

    private static int[] inverse(int[] table) {
        int[] inv = new int[table.length];
        for (int i = 0; i < table.length; i++) {
            inv[table[i]] = i;
        }
        return inv;
    }
}

package org.vendinghub.sts.token;

/**
 * The 64-bit data blocks of IEC 62055-41 (class bits outside, CRC inside), MSB to LSB:
 * <pre>
 * class 0 sub 0..3, class 2 sub 0,1,2,5,6,7   SubClass(4) RND(4) TID(24) Field16(16) CRC(16)
 * class 0 sub 4..7 (currency)                 SubClass(4) A[19:16](4) TID(24) A[15:0](16) CRC_C(16)
 * class 1 sub 0                               SubClass(4) Control(36) MfrCode(8) CRC(16)
 * class 1 sub 1                               SubClass(4) Control(28) MfrCode(16) CRC(16)
 * class 2 sub 3 (1st key section)             SubClass(4) KENHO(4) KRN(4) RO(1) 3KCT(1) KT(2) NKHO(32) CRC(16)
 * class 2 sub 4 (2nd key section)             SubClass(4) KENLO(4) TI(8) NKLO(32) CRC(16)
 * class 2 sub 8 (3rd key section)             SubClass(4) SGCLO(12) NKMO2(32) CRC(16)
 * class 2 sub 9 (4th key section)             SubClass(4) SGCHO(12) NKMO1(32) CRC(16)
 * </pre>
 * The CRC covers the class bits too. All methods are pure; argument ranges are checked by callers.
 */
public final class BlockLayout {

    public static final int CLASS_CREDIT = 0;
    public static final int CLASS_METER_TEST = 1;
    public static final int CLASS_MANAGEMENT = 2;

    private BlockLayout() {
    }

    /** Class 0 sub 0..3 and class 2 sub 0,1,2,5,6,7. */
    public static long standard(int tokenClass, int subclass, int rnd, long tid, int field16) {
        long payload = ((long) rnd << 40) | (tid << 16) | field16;
        return withCrc(tokenClass, subclass, payload);
    }

    /** Class 0 sub 4..7: the 20-bit amount takes the RND position for its top 4 bits; CRC_C. */
    public static long currency(int subclass, int amount20, long tid) {
        long payload = ((long) (amount20 >>> 16) << 40) | (tid << 16) | (amount20 & 0xFFFF);
        long v50 = ((long) subclass << 44) | payload;
        return ((long) subclass << 60) | (payload << 16) | Crc16.crcC(v50);
    }

    /** Class 1 sub 0 (36-bit control, 8-bit MfrCode) and sub 1 (28-bit control, 16-bit MfrCode). */
    public static long meterTest(int subclass, long control, int mfrCode) {
        long payload = subclass == 0 ? (control << 8) | mfrCode : (control << 16) | mfrCode;
        return withCrc(CLASS_METER_TEST, subclass, payload);
    }

    /** Set1stSectionDecoderKey (class 2 sub 3). */
    public static long keySection1(int kenHigh, int krn, int ro, int res3kct, int kt, long nkho) {
        long payload = ((long) kenHigh << 40) | ((long) krn << 36) | ((long) ro << 35) | ((long) res3kct << 34)
                | ((long) kt << 32) | nkho;
        return withCrc(CLASS_MANAGEMENT, 3, payload);
    }

    /** Set2ndSectionDecoderKey (class 2 sub 4); TI is an 8-bit binary number. */
    public static long keySection2(int kenLow, int ti, long nklo) {
        long payload = ((long) kenLow << 40) | ((long) ti << 32) | nklo;
        return withCrc(CLASS_MANAGEMENT, 4, payload);
    }

    /** Set3rdSectionDecoderKey (class 2 sub 8): SGC low 12 bits and key bits 95..64. */
    public static long keySection3(int sgcLow, long nkmo2) {
        return withCrc(CLASS_MANAGEMENT, 8, ((long) sgcLow << 32) | nkmo2);
    }

    /** Set4thSectionDecoderKey (class 2 sub 9): SGC high 12 bits and key bits 63..32. */
    public static long keySection4(int sgcHigh, long nkmo1) {
        return withCrc(CLASS_MANAGEMENT, 9, ((long) sgcHigh << 32) | nkmo1);
    }

    /** Appends the CRC over {@code class|subclass|payload(44)} to make the data block. */
    public static long withCrc(int tokenClass, int subclass, long payload44) {
        long v50 = ((long) tokenClass << 48) | ((long) subclass << 44) | payload44;
        return ((long) subclass << 60) | (payload44 << 16) | Crc16.crc(v50);
    }

    /** True if the block's CRC (CRC_C for class 0 subclasses 4..7) is right for this class. */
    public static boolean crcOk(int tokenClass, long block) {
        int sub = subclass(block);
        long v50 = ((long) tokenClass << 48) | (block >>> 16);
        int expected = tokenClass == CLASS_CREDIT && sub >= 4 && sub <= 7 ? Crc16.crcC(v50) : Crc16.crc(v50);
        return expected == (int) (block & 0xFFFF);
    }

    public static int subclass(long block) {
        return (int) (block >>> 60);
    }

    /** Bits 59..56: RND, KENHO, KENLO or A[19:16]. */
    public static int nibble2(long block) {
        return (int) (block >>> 56) & 0xF;
    }

    /** Bits 55..32: the TID. */
    public static long tid(long block) {
        return (block >>> 32) & 0xFFFFFF;
    }

    /** Bits 31..16: amount, MPL, register, rate, pad, MPPUL or factor. */
    public static int field16(long block) {
        return (int) (block >>> 16) & 0xFFFF;
    }

    /** Bits 47..16: the 32-bit key part of a key change section. */
    public static long keyPart(long block) {
        return (block >>> 16) & 0xFFFFFFFFL;
    }

    /** The 20-bit currency amount of class 0 sub 4..7. */
    public static int amount20(long block) {
        return (nibble2(block) << 16) | field16(block);
    }
}

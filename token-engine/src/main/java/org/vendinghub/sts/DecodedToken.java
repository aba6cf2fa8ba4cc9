package org.vendinghub.sts;

import org.vendinghub.sts.token.BlockLayout;
import org.vendinghub.sts.token.CurrencyCoding;
import org.vendinghub.sts.token.UnitsCoding;

/**
 * A token after transposition and decryption: the class and the plain 64-bit data block. The field
 * accessors read the block according to the class and subclass; they throw
 * {@link IllegalStateException} when the field does not exist in this kind of token. Check
 * {@link #crcOk()} first: with a wrong key the fields are noise.
 */
public record DecodedToken(int tokenClass, int subclass, long block, boolean crcOk) {

    /** What kind of token the class and subclass say this is. */
    public enum Kind { CREDIT, CURRENCY_CREDIT, MANAGEMENT, KEY_CHANGE, METER_TEST, UNSUPPORTED }

    public static DecodedToken of(int tokenClass, long plainBlock) {
        return new DecodedToken(tokenClass, BlockLayout.subclass(plainBlock), plainBlock,
                tokenClass != 3 && BlockLayout.crcOk(tokenClass, plainBlock));
    }

    public Kind kind() {
        switch (tokenClass) {
            case 0:
                return subclass < 4 ? Kind.CREDIT : subclass < 8 ? Kind.CURRENCY_CREDIT : Kind.UNSUPPORTED;
            case 1:
                return subclass < 2 ? Kind.METER_TEST : Kind.UNSUPPORTED;
            case 2:
                if (keySection() > 0) {
                    return Kind.KEY_CHANGE;
                }
                return subclass < 8 ? Kind.MANAGEMENT : Kind.UNSUPPORTED;
            default:
                return Kind.UNSUPPORTED;
        }
    }

    /** True when the token carries RND and TID (credit in units and management tokens). */
    public boolean hasTid() {
        Kind k = kind();
        return k == Kind.CREDIT || k == Kind.CURRENCY_CREDIT || k == Kind.MANAGEMENT;
    }

    public int rnd() {
        require(kind() == Kind.CREDIT || kind() == Kind.MANAGEMENT, "RND");
        return BlockLayout.nibble2(block);
    }

    public long tid() {
        require(hasTid(), "TID");
        return BlockLayout.tid(block);
    }

    /** The 16-bit field (amount, MPL, register, rate, pad, MPPUL or factor). */
    public int field16() {
        require(kind() == Kind.CREDIT || kind() == Kind.MANAGEMENT, "16-bit field");
        return BlockLayout.field16(block);
    }

    /**
     * The value the token stands for: 0.1 units (credit 0..3), 10^-5 currency (credit 4..7), watts
     * (MPL, MPPUL), or the raw 16-bit field (register, rate, pad, factor).
     */
    public long value() {
        Kind k = kind();
        if (k == Kind.CURRENCY_CREDIT) {
            return CurrencyCoding.decode(BlockLayout.amount20(block));
        }
        int field = field16();
        boolean coded = k == Kind.CREDIT || ManagementTokenRequest.isWatts(subclass);
        return coded ? UnitsCoding.decode(field) : field;
    }

    /** Key change section 1..4 (subclasses 3, 4, 8, 9), or 0. */
    public int keySection() {
        if (tokenClass != 2) {
            return 0;
        }
        switch (subclass) {
            case 3: return 1;
            case 4: return 2;
            case 8: return 3;
            case 9: return 4;
            default: return 0;
        }
    }

    /** KENHO (section 1) or KENLO (section 2). */
    public int kenHalf() {
        require(keySection() == 1 || keySection() == 2, "KEN half");
        return BlockLayout.nibble2(block);
    }

    public int krn() {
        require(keySection() == 1, "KRN");
        return (int) (block >>> 52) & 0xF;
    }

    public boolean rollover() {
        require(keySection() == 1, "RO");
        return ((block >>> 51) & 1) != 0;
    }

    public int res3kct() {
        require(keySection() == 1, "3KCT");
        return (int) (block >>> 50) & 1;
    }

    public int keyType() {
        require(keySection() == 1, "KT");
        return (int) (block >>> 48) & 3;
    }

    /** The new TI (section 2), an 8-bit binary number. */
    public int ti() {
        require(keySection() == 2, "TI");
        return (int) (block >>> 48) & 0xFF;
    }

    /** The 32 key bits of a section: NKHO, NKLO, NKMO2 or NKMO1. */
    public long keyPart() {
        require(keySection() > 0, "key part");
        return BlockLayout.keyPart(block);
    }

    /** SGCLO (section 3) or SGCHO (section 4), 12 bits. */
    public int sgcPart() {
        require(keySection() >= 3, "SGC part");
        return (int) (block >>> 48) & 0xFFF;
    }

    /** Class 1 control bits (36 or 28). */
    public long control() {
        require(kind() == Kind.METER_TEST, "control");
        return subclass == 0 ? (block >>> 24) & 0xFFFFFFFFFL : (block >>> 32) & 0xFFFFFFFL;
    }

    /** Class 1 manufacturer code (8 or 16 bits, binary). */
    public int mfrCode() {
        require(kind() == Kind.METER_TEST, "manufacturer code");
        return subclass == 0 ? (int) (block >>> 16) & 0xFF : (int) (block >>> 16) & 0xFFFF;
    }

    private void require(boolean present, String field) {
        if (!present) {
            throw new IllegalStateException("class " + tokenClass + " subclass " + subclass + " tokens have no " + field);
        }
    }
}

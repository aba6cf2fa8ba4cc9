package org.vendinghub.sts;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.vendinghub.sts.crypto.DecoderKey;
import org.vendinghub.sts.crypto.Misty1Engine;
import org.vendinghub.sts.crypto.StaEngine;
import org.vendinghub.sts.crypto.StaTables;
import org.vendinghub.sts.token.BlockLayout;
import org.vendinghub.sts.token.CurrencyCoding;
import org.vendinghub.sts.token.TokenNumber;
import org.vendinghub.sts.token.UnitsCoding;

/**
 * Builds, encrypts, transposes and decodes tokens for a given decoder key. Pure and thread-safe; it
 * knows no vending keys (see {@link SecurityModule}). The only state is the STA table set: tokens made
 * under EA07 with the sample tables are test tokens.
 */
public final class TokenEngine {

    private static final TokenEngine SAMPLE = new TokenEngine(StaTables.sample());

    private final StaTables staTables;

    public TokenEngine(StaTables staTables) {
        if (staTables == null) {
            throw new IllegalArgumentException("STA tables are required");
        }
        this.staTables = staTables;
    }

    /** An engine with the standard's sample STA tables (EA07 tokens are test tokens). */
    public static TokenEngine withSampleTables() {
        return SAMPLE;
    }

    public StaTables staTables() {
        return staTables;
    }

    /** True when tokens under this algorithm are test tokens (EA07 with the sample tables). */
    public boolean isTestToken(Ea ea) {
        return ea == Ea.EA07 && staTables.isSample();
    }

    /**
     * Issues one credit, management or meter test token. For class 1 the key and meter may be null.
     *
     * @throws IllegalArgumentException for a key change request (use {@link #keyChange}) or a credit
     *                                  token under a DDTK
     */
    public IssuedToken issue(DecoderKey dk, MeterKeyParams meter, TokenRequest request) {
        if (request instanceof MeterTestTokenRequest) {
            return meterTest((MeterTestTokenRequest) request);
        }
        if (request instanceof KeyChangeRequest) {
            throw new IllegalArgumentException("a key change request gives several tokens: use keyChange");
        }
        checkKey(dk, meter.ea());
        if (request instanceof CreditTokenRequest) {
            return credit(dk, meter, (CreditTokenRequest) request);
        }
        return management(dk, meter, (ManagementTokenRequest) request);
    }

    private IssuedToken credit(DecoderKey dk, MeterKeyParams meter, CreditTokenRequest r) {
        if (meter.kt() == MeterKeyParams.KT_DDTK) {
            throw new IllegalArgumentException("credit tokens cannot be issued under a DDTK (KT 1)");
        }
        long block;
        long value;
        int rnd = -1;
        if (r.isCurrency()) {
            int field = CurrencyCoding.encode(r.amount());
            value = CurrencyCoding.decode(field);
            block = BlockLayout.currency(r.subclass(), field, r.tid());
        } else {
            int field = UnitsCoding.encode(r.amount());
            value = UnitsCoding.decode(field);
            rnd = rnd(r.rnd());
            block = BlockLayout.standard(BlockLayout.CLASS_CREDIT, r.subclass(), rnd, r.tid(), field);
        }
        String token = TokenNumber.format(BlockLayout.CLASS_CREDIT, encrypt(dk, meter.ea(), block));
        return new IssuedToken(token, 0, r.subclass(), r.tid(), rnd, value, isTestToken(meter.ea()));
    }

    private IssuedToken management(DecoderKey dk, MeterKeyParams meter, ManagementTokenRequest r) {
        int field;
        long value;
        if (ManagementTokenRequest.isWatts(r.subclass())) {
            field = UnitsCoding.encode(r.value());
            value = UnitsCoding.decode(field);
        } else {
            field = (int) r.value();
            value = field;
        }
        int rnd = rnd(r.rnd());
        long block = BlockLayout.standard(BlockLayout.CLASS_MANAGEMENT, r.subclass(), rnd, r.tid(), field);
        String token = TokenNumber.format(BlockLayout.CLASS_MANAGEMENT, encrypt(dk, meter.ea(), block));
        return new IssuedToken(token, 2, r.subclass(), r.tid(), rnd, value, isTestToken(meter.ea()));
    }

    /** A class 1 token: not encrypted, the same for every meter. */
    public static IssuedToken meterTest(MeterTestTokenRequest r) {
        long block = BlockLayout.meterTest(r.subclass(), r.control(), r.mfrCode());
        return new IssuedToken(TokenNumber.format(BlockLayout.CLASS_METER_TEST, block), 1, r.subclass(), -1, -1, 0,
                false);
    }

    /**
     * The key change set, in section order 1, 2 (, 3, 4), each encrypted under the current key.
     *
     * @param current       the meter's current decoder key
     * @param currentParams the meter's current parameters (for its EA)
     * @param newKey        the decoder key derived for {@code request.newParams()}
     */
    public List<IssuedToken> keyChange(DecoderKey current, MeterKeyParams currentParams, DecoderKey newKey,
            KeyChangeRequest request) {
        Ea ea = currentParams.ea();
        checkKey(current, ea);
        MeterKeyParams next = request.newParams();
        checkKey(newKey, next.ea());
        if (!next.pan().equals(currentParams.pan())) {
            throw new IllegalArgumentException("a key change keeps the PAN: " + next.pan() + " is not "
                    + currentParams.pan());
        }
        int ken = request.ken();
        long nkho = newKey.bits() == 64 ? newKey.low() >>> 32 : newKey.high() >>> 32;
        long nklo = newKey.low() & 0xFFFFFFFFL;
        long[] blocks = newKey.bits() == 64 ? new long[2] : new long[4];
        blocks[0] = BlockLayout.keySection1(ken >>> 4, next.krn(), request.rollover() ? 1 : 0, 0, next.kt(), nkho);
        blocks[1] = BlockLayout.keySection2(ken & 0xF, next.ti(), nklo);
        if (blocks.length == 4) {
            int sgc = next.sgcValue();
            blocks[2] = BlockLayout.keySection3(sgc & 0xFFF, newKey.high() & 0xFFFFFFFFL);
            blocks[3] = BlockLayout.keySection4(sgc >>> 12, newKey.low() >>> 32);
        }
        IssuedToken[] tokens = new IssuedToken[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            int subclass = BlockLayout.subclass(blocks[i]);
            String token = TokenNumber.format(BlockLayout.CLASS_MANAGEMENT, encrypt(current, ea, blocks[i]));
            blocks[i] = 0;
            tokens[i] = new IssuedToken(token, 2, subclass, -1, -1, 0, isTestToken(ea));
        }
        return List.of(tokens);
    }

    /** Parses, decrypts (unless class 1) and checks a token. The key may be null for class 1 tokens. */
    public DecodedToken decode(DecoderKey dk, Ea ea, String token) {
        TokenNumber.Parsed parsed = TokenNumber.parse(token);
        if (parsed.tokenClass() == BlockLayout.CLASS_METER_TEST) {
            return DecodedToken.of(1, parsed.block());
        }
        checkKey(dk, ea);
        return DecodedToken.of(parsed.tokenClass(), decrypt(dk, ea, parsed.block()));
    }

    /** Encrypts a 64-bit data block with EA07 or EA11. */
    public long encrypt(DecoderKey dk, Ea ea, long block) {
        return ea == Ea.EA07
                ? StaEngine.encrypt(staTables, dk.low(), block)
                : Misty1Engine.encrypt(Misty1Engine.expandKey(dk.high(), dk.low()), block);
    }

    /** Decrypts a 64-bit data block with EA07 or EA11. */
    public long decrypt(DecoderKey dk, Ea ea, long block) {
        return ea == Ea.EA07
                ? StaEngine.decrypt(staTables, dk.low(), block)
                : Misty1Engine.decrypt(Misty1Engine.expandKey(dk.high(), dk.low()), block);
    }

    private static void checkKey(DecoderKey dk, Ea ea) {
        if (dk == null) {
            throw new IllegalArgumentException("a decoder key is required for " + ea);
        }
        if (dk.bits() != ea.keyBits()) {
            throw new IllegalArgumentException(ea + " needs a " + ea.keyBits() + "-bit decoder key, not "
                    + dk.bits() + " bits");
        }
    }

    private static int rnd(int requested) {
        return requested >= 0 ? requested : ThreadLocalRandom.current().nextInt(16);
    }

    @Override
    public String toString() {
        return "TokenEngine[" + staTables + "]";
    }
}

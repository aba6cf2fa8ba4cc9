package org.vendinghub.sts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vendinghub.sts.Vectors.Vector;
import org.vendinghub.sts.crypto.Bytes;
import org.vendinghub.sts.crypto.DecoderKey;
import org.vendinghub.sts.crypto.DecoderKeyGenerator;
import org.vendinghub.sts.crypto.Misty1Engine;
import org.vendinghub.sts.crypto.StaEngine;
import org.vendinghub.sts.crypto.StaTables;
import org.vendinghub.sts.token.BlockLayout;
import org.vendinghub.sts.token.Crc16;
import org.vendinghub.sts.token.Tid;
import org.vendinghub.sts.token.TokenNumber;

/**
 * Every vector of vectors-public.json (sources cited per vector in the file), forwards and, where it
 * makes sense, backwards.
 */
class PublicVectorsTest {

    private final TokenEngine engine = TokenEngine.withSampleTables();

    static Stream<Arguments> crc() {
        return Vectors.ofKind("crc");
    }

    static Stream<Arguments> tid() {
        return Vectors.ofKind("tid");
    }

    static Stream<Arguments> dkga02() {
        return Vectors.ofKind("dkga02");
    }

    static Stream<Arguments> misty1() {
        return Vectors.ofKind("misty1");
    }

    static Stream<Arguments> ea07Sample() {
        return Vectors.ofKind("ea07_sample");
    }

    static Stream<Arguments> class1() {
        return Vectors.ofKind("class1");
    }

    static Stream<Arguments> token() {
        return Vectors.ofKind("token");
    }

    static Stream<Arguments> kct() {
        return Vectors.ofKind("kct");
    }

    @ParameterizedTest
    @MethodSource
    void crc(Vector v) {
        long v50 = Long.parseLong(v.in("v50"), 16);
        boolean crcC = (Boolean) v.input().get("crc_c");
        int crc = crcC ? Crc16.crcC(v50) : Crc16.crc(v50);
        assertThat(String.format("%04X", crc)).isEqualTo(v.out("crc"));
        if (!crcC) { // backwards: the block built from these 50 bits passes the check
            int tokenClass = (int) (v50 >>> 48);
            long block = ((v50 >>> 44 & 0xF) << 60) | ((v50 & 0xFFFFFFFFFFFL) << 16) | crc;
            assertThat(BlockLayout.crcOk(tokenClass, block)).isTrue();
            assertThat(BlockLayout.crcOk(tokenClass, block ^ 1)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource
    void tid(Vector v) {
        BaseDate base = BaseDate.of((int) v.inLong("base_date"));
        long expected = Long.parseLong(v.out("tid"));
        assertThat(Tid.of(v.date(), base)).isEqualTo(expected);
        assertThat(Tid.toDateTime(expected, base)).isEqualTo(v.date());
    }

    @ParameterizedTest
    @MethodSource
    void dkga02(Vector v) {
        MeterKeyParams meter = new MeterKeyParams(v.in("pan"), v.in("sgc"), Integer.parseInt(v.in("ti")),
                (int) v.inLong("krn"), (int) v.inLong("kt"), BaseDate.Y1993, Dkga.DKGA02, Ea.EA07);
        DecoderKey dk = DecoderKeyGenerator.of(Dkga.DKGA02, Bytes.fromHex(v.in("vk"))).derive(meter);
        assertThat(Bytes.toHex(dk.low())).isEqualTo(v.out("dk"));
        assertThat(Bytes.toHex(Long.reverseBytes(dk.low()))).isEqualTo(v.out("dk_byte_reversed_as_printed_by_nectar"));
    }

    @ParameterizedTest
    @MethodSource
    void misty1(Vector v) {
        byte[] key = Bytes.fromHex(v.in("key"));
        byte[] plain = Bytes.fromHex(v.in("plaintext"));
        byte[] cipher = Bytes.fromHex(v.out("ciphertext"));
        BlockCipher engine = new Misty1Engine();
        byte[] out = new byte[8];
        engine.init(true, new KeyParameter(key));
        engine.processBlock(plain, 0, out, 0);
        assertThat(out).isEqualTo(cipher);
        engine.init(false, new KeyParameter(key));
        engine.processBlock(cipher, 0, out, 0);
        assertThat(out).isEqualTo(plain);
    }

    @ParameterizedTest
    @MethodSource
    void ea07Sample(Vector v) {
        long dk = Long.parseUnsignedLong(v.in("dk"), 16);
        long block = Long.parseUnsignedLong(v.in("block"), 16);
        long encrypted = Long.parseUnsignedLong(v.out("encrypted"), 16);
        int tokenClass = (int) v.inLong("class");
        assertThat(StaEngine.encrypt(StaTables.sample(), dk, block)).isEqualTo(encrypted);
        assertThat(StaEngine.decrypt(StaTables.sample(), dk, encrypted)).isEqualTo(block);
        String token = TokenNumber.format(tokenClass, encrypted);
        assertThat(token).isEqualTo(v.out("token"));
        assertThat(new java.math.BigInteger(token).toString(16).toUpperCase()).isEqualTo(v.out("token66_hex"));
        TokenNumber.Parsed parsed = TokenNumber.parse(token);
        assertThat(parsed.tokenClass()).isEqualTo(tokenClass);
        assertThat(parsed.block()).isEqualTo(encrypted);
        DecodedToken decoded = engine.decode(DecoderKey.of64(dk), Ea.EA07, token);
        assertThat(decoded.crcOk()).isTrue();
        assertThat(decoded.block()).isEqualTo(block);
    }

    @ParameterizedTest
    @MethodSource
    void class1(Vector v) {
        int subclass = (int) v.inLong("subclass");
        long control = Long.parseLong(v.in("control"), 16);
        int mfr = (int) v.inLong("mfr");
        IssuedToken issued = TokenEngine.meterTest(new MeterTestTokenRequest(subclass, control, mfr));
        assertThat(issued.token()).isEqualTo(v.out("token"));
        DecodedToken decoded = engine.decode(null, null, issued.token());
        assertThat(decoded.crcOk()).isTrue();
        assertThat(decoded.tokenClass()).isEqualTo(1);
        assertThat(decoded.subclass()).isEqualTo(subclass);
        assertThat(decoded.control()).isEqualTo(control);
        assertThat(decoded.mfrCode()).isEqualTo(mfr);
    }

    @ParameterizedTest
    @MethodSource
    void token(Vector v) {
        MeterKeyParams meter = v.params();
        DecoderKey dk = DecoderKeyGenerator.of(meter.dkga(), Bytes.fromHex(v.in("vk"))).derive(meter);
        int tokenClass = (int) v.inLong("class");
        int subclass = (int) v.inLong("subclass");
        int rnd = (int) v.inLong("rnd");
        long tid = Tid.of(v.date(), meter.baseDate());
        long value;
        TokenRequest request;
        if (tokenClass == 0) {
            value = new BigDecimal(v.in("amount_units")).movePointRight(1).setScale(0, RoundingMode.CEILING)
                    .longValueExact();
            request = new CreditTokenRequest(subclass, value, tid, rnd);
        } else {
            value = v.has("value_watts") ? v.inLong("value_watts")
                    : v.has("register") ? v.inLong("register") : v.inLong("pad");
            request = new ManagementTokenRequest(subclass, value, tid, rnd);
        }
        IssuedToken issued = engine.issue(dk, meter, request);
        assertThat(issued.token()).isEqualTo(v.out("token"));
        assertThat(issued.testToken()).isFalse();

        DecodedToken decoded = engine.decode(dk, meter.ea(), v.out("token"));
        assertThat(decoded.crcOk()).isTrue();
        assertThat(decoded.tokenClass()).isEqualTo(tokenClass);
        assertThat(decoded.subclass()).isEqualTo(subclass);
        assertThat(decoded.rnd()).isEqualTo(rnd);
        assertThat(decoded.tid()).isEqualTo(tid);
        assertThat(decoded.value()).isEqualTo(issued.value()).isGreaterThanOrEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource
    @SuppressWarnings("unchecked")
    void kct(Vector v) {
        MeterKeyParams old = Vector.params((java.util.Map<String, Object>) v.input().get("old_key"));
        java.util.Map<String, Object> newKey = (java.util.Map<String, Object>) v.input().get("new_key");
        MeterKeyParams next = Vector.params(newKey);
        DecoderKey oldDk = DecoderKeyGenerator.of(old.dkga(), Bytes.fromHex((String) ((java.util.Map<String, Object>)
                v.input().get("old_key")).get("vk"))).derive(old);
        DecoderKey newDk = DecoderKeyGenerator.of(next.dkga(), Bytes.fromHex((String) newKey.get("vk"))).derive(next);
        int ken = (int) v.inLong("ken");
        boolean ro = v.inLong("ro") == 1;
        int section = (int) v.inLong("section");

        List<IssuedToken> set = engine.keyChange(oldDk, old, newDk, new KeyChangeRequest("new", next, ken, ro));
        assertThat(set).hasSize(next.ea().keyChangeTokens());
        assertThat(set.get(section - 1).token()).isEqualTo(v.out("token"));

        DecodedToken decoded = engine.decode(oldDk, old.ea(), v.out("token"));
        assertThat(decoded.crcOk()).isTrue();
        assertThat(decoded.keySection()).isEqualTo(section);
        switch (section) {
            case 1 -> {
                assertThat(decoded.kenHalf()).isEqualTo(ken >>> 4);
                assertThat(decoded.krn()).isEqualTo(next.krn());
                assertThat(decoded.rollover()).isEqualTo(ro);
                assertThat(decoded.res3kct()).isEqualTo((int) v.inLong("res_3kct"));
                assertThat(decoded.keyType()).isEqualTo(next.kt());
                assertThat(decoded.keyPart()).isEqualTo(newDk.high() >>> 32);
            }
            case 2 -> {
                assertThat(decoded.kenHalf()).isEqualTo(ken & 0xF);
                assertThat(decoded.ti()).isEqualTo(next.ti());
                assertThat(decoded.keyPart()).isEqualTo(newDk.low() & 0xFFFFFFFFL);
            }
            case 3 -> {
                assertThat(decoded.sgcPart()).isEqualTo(next.sgcValue() & 0xFFF);
                assertThat(decoded.keyPart()).isEqualTo(newDk.high() & 0xFFFFFFFFL);
            }
            default -> {
                assertThat(decoded.sgcPart()).isEqualTo(next.sgcValue() >>> 12);
                assertThat(decoded.keyPart()).isEqualTo(newDk.low() >>> 32);
            }
        }
    }
}

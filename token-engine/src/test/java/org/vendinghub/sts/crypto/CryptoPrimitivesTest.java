package org.vendinghub.sts.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.vendinghub.sts.Fixtures;
import org.vendinghub.sts.MeterKeyParams;

/** STA, MISTY1, HMAC-SHA-256 and the DKGA data strings (STS_REFERENCE.md 5.2, 5.3, 6). */
class CryptoPrimitivesTest {

    @Test
    void dkga04_data_string_and_key_match_the_reference() {
        assertThat(Bytes.toHex(Dkga04.message(Fixtures.EA11_METER))).isEqualTo(
                "04023034023933023131023031000406313233343537013201311236303037323730303030303030303030303900000080");
        DecoderKey dk = new Dkga04(Fixtures.vk04()).derive(Fixtures.EA11_METER);
        assertThat(Bytes.toHex(dk.toBytes())).isEqualTo("F94B6ED353C3BFDB113E2D3A7EA3C41D");
        assertThat(dk.toString()).doesNotContain("F94B").isEqualTo("DecoderKey[128 bits, redacted]");
    }

    @Test
    void dkga02_intermediate_blocks_match_the_reference() {
        assertThat(Bytes.toHex(Dkga02.panBlock(Fixtures.EA07_METER))).isEqualTo("0072700000000000");
        assertThat(Bytes.toHex(Dkga02.controlBlock(Fixtures.EA07_METER))).isEqualTo("2123456011FFFFFF");
        MeterKeyParams dctk = Fixtures.EA07_METER.withKt(3);
        assertThat(Bytes.toHex(Dkga02.panBlock(dctk))).isEqualTo("0072700000000000".substring(0, 5) + "00000000000");
        MeterKeyParams ti99 = Fixtures.EA07_METER.withTi(99);
        assertThat(Bytes.toHex(Dkga02.controlBlock(ti99))).isEqualTo("2123456991FFFFFF");
    }

    @Test
    void hmac_matches_the_jdk() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            byte[] key = new byte[1 + random.nextInt(100)];
            byte[] msg = new byte[random.nextInt(200)];
            random.nextBytes(key);
            random.nextBytes(msg);
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(key, "HmacSHA256"));
            assertThat(new HmacSha256(key).mac(msg, msg.length)).isEqualTo(jdk.doFinal(msg));
        }
        assertThat(Bytes.toHex(HmacSha256.sha256("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
    }

    @Test
    void sta_and_misty1_round_trip_random_blocks() {
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) {
            long key = random.nextLong();
            long key2 = random.nextLong();
            long block = random.nextLong();
            assertThat(StaEngine.decrypt(StaTables.sample(), key, StaEngine.encrypt(StaTables.sample(), key, block)))
                    .isEqualTo(block);
            int[] ek = Misty1Engine.expandKey(key, key2);
            assertThat(Misty1Engine.decrypt(ek, Misty1Engine.encrypt(ek, block))).isEqualTo(block);
        }
    }

    @Test
    void engines_have_the_bouncy_castle_shape_and_exact_errors() {
        for (BlockCipher engine : new BlockCipher[] {new StaEngine(), new Misty1Engine()}) {
            assertThat(engine.getBlockSize()).isEqualTo(8);
            assertThatThrownBy(() -> engine.processBlock(new byte[8], 0, new byte[8], 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(engine.getAlgorithmName() + " engine not initialised");
        }
        StaEngine sta = new StaEngine();
        assertThatThrownBy(() -> sta.init(true, new KeyParameter(new byte[16])))
                .hasMessage("STA key must be 64 bits (8 bytes), not 16 bytes");
        sta.init(true, new KeyParameter(Bytes.fromHex("0ABC12DEF3456789")));
        byte[] out = new byte[8];
        sta.processBlock(Bytes.fromHex("0B19EB230100C207"), 0, out, 0);
        assertThat(Bytes.toHex(out)).isEqualTo("C45ED1619406DF95");
        assertThatThrownBy(() -> sta.processBlock(new byte[7], 0, out, 0))
                .isInstanceOf(DataLengthException.class).hasMessage("input buffer too short");
        Misty1Engine misty = new Misty1Engine();
        assertThatThrownBy(() -> misty.init(true, new KeyParameter(new byte[8])))
                .hasMessage("MISTY1 key must be 128 bits (16 bytes), not 8 bytes");
        assertThatThrownBy(() -> new Dkga02(new byte[20])).hasMessage("DKGA02 vending key must be 64 bits (8 bytes), not 20 bytes");
        assertThatThrownBy(() -> new Dkga04(new byte[8])).hasMessage("DKGA04 vending key must be 160 bits (20 bytes), not 8 bytes");
    }

    @Test
    void production_tables_load_from_three_lines_and_are_validated() {
        String text = "# S1\n12 10 8 4 3 15 0 2 14 1 5 13 6 9 7 11\n6,9,7,4,3,10,12,14,2,13,1,15,0,11,8,5\n"
                + "29 27 34 9 16 62 55 2 40 49 38 25 33 61 30 23 1 41 21 57 42 15 5 58 19 53 22 17 48 28 24 39 "
                + "3 60 36 14 11 52 54 12 31 51 10 26 0 45 37 43 44 6 59 4 7 35 56 50 13 18 32 47 46 63 20 8\n";
        assertThat(StaTables.parse(text).isSample()).isTrue();
        String swapped = text.replace("12 10 8 4", "10 12 8 4");
        StaTables other = StaTables.parse(swapped);
        assertThat(other.isSample()).isFalse();
        long block = 0x0B19EB230100C207L;
        long key = 0x0ABC12DEF3456789L;
        assertThat(StaEngine.decrypt(other, key, StaEngine.encrypt(other, key, block))).isEqualTo(block);
        assertThatThrownBy(() -> StaTables.parse(text.replace("12 10 8 4", "12 12 8 4")))
                .hasMessage("STA table S1 must be a permutation of 0..15");
        assertThatThrownBy(() -> StaTables.parse("1 2 3\n")).hasMessage("STA tables need 3 lines (S1, S2, P), found 1");
    }
}

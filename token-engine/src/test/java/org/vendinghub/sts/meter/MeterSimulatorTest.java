package org.vendinghub.sts.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vendinghub.sts.BaseDate;
import org.vendinghub.sts.CreditTokenRequest;
import org.vendinghub.sts.Fixtures;
import org.vendinghub.sts.IssuedToken;
import org.vendinghub.sts.KeyChangeRequest;
import org.vendinghub.sts.ManagementTokenRequest;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.MeterTestTokenRequest;
import org.vendinghub.sts.TokenEngine;
import org.vendinghub.sts.crypto.DecoderKey;
import org.vendinghub.sts.crypto.DecoderKeyGenerator;
import org.vendinghub.sts.token.BlockLayout;
import org.vendinghub.sts.token.TokenNumber;

/** Meter-side rules of STS_REFERENCE.md 7 and 8. */
class MeterSimulatorTest {

    private final TokenEngine engine = TokenEngine.withSampleTables();
    private final MeterKeyParams meter = Fixtures.EA11_METER;
    private final DecoderKey dk = dk(meter);

    private static DecoderKey dk(MeterKeyParams m) {
        return DecoderKeyGenerator.of(m.dkga(), Fixtures.vkFor(m)).derive(m);
    }

    private String credit(long tenths, long tid) {
        return engine.issue(dk, meter, new CreditTokenRequest(0, tenths, tid, 5)).token();
    }

    private MeterSimulator newMeter() {
        return MeterSimulator.builder(meter, dk).manufactureTid(1000).tidMemorySize(4).build();
    }

    @Test
    void published_vector_tokens_are_accepted_by_the_simulated_meter() {
        MeterSimulator m = MeterSimulator.forMeter(meter, Fixtures.vk04());
        assertThat(m.enter("59386323472137426967")).isEqualTo(MeterResult.ACCEPT); // CTSA01_04 step 1: 0.1 kWh
        assertThat(m.credit(0)).isEqualTo(1);
        assertThat(m.enter("47186281207955155808")).isEqualTo(MeterResult.ACCEPT); // step 2: water 0.1 m3
        assertThat(m.credit(1)).isEqualTo(1);
        assertThat(m.enter("26521936751055502278")).isEqualTo(MeterResult.ACCEPT); // CTSA03: MPL 1000 W
        assertThat(m.maxPowerLimitWatts()).isEqualTo(1000);
        assertThat(m.enter("59386323472137426967")).isEqualTo(MeterResult.USED);
    }

    @Test
    void used_and_old_follow_the_tid_memory() {
        MeterSimulator m = newMeter();
        assertThat(m.enter(credit(10, 999))).isEqualTo(MeterResult.OLD);
        assertThat(m.enter(credit(10, 1000))).isEqualTo(MeterResult.USED);
        assertThat(m.enter(credit(10, 2000))).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.enter(credit(10, 2000))).isEqualTo(MeterResult.USED);
        assertThat(m.enter(credit(10, 1500))).isEqualTo(MeterResult.ACCEPT); // out of order but newer than the oldest
        assertThat(m.enter(credit(10, 3000))).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.enter(credit(10, 4000))).isEqualTo(MeterResult.ACCEPT); // memory of 4: 1000 dropped
        assertThat(m.tidMemory()).containsExactly(1500L, 2000L, 3000L, 4000L);
        assertThat(m.enter(credit(10, 1200))).isEqualTo(MeterResult.OLD);
        assertThat(m.credit(0)).isEqualTo(40);
    }

    @Test
    void wrong_key_gives_crc_error_and_bad_digits_give_format_error() {
        MeterSimulator m = newMeter();
        DecoderKey other = dk(meter.withKrn(2));
        String foreign = engine.issue(other, meter, new CreditTokenRequest(0, 10, 5000, 1)).token();
        assertThat(m.enter(foreign)).isEqualTo(MeterResult.CRC_ERROR);
        assertThat(m.enter("99999999999999999999")).isEqualTo(MeterResult.FORMAT_ERROR);
        assertThat(m.enter("1234")).isEqualTo(MeterResult.FORMAT_ERROR);
    }

    @Test
    void key_expiry_number_rejects_later_tids() {
        MeterSimulator m = MeterSimulator.builder(meter, dk).keyExpiryNumber(0xAA).build();
        assertThat(m.enter(credit(10, 0xAAFFFF))).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.enter(credit(10, 0xAB0000))).isEqualTo(MeterResult.KEY_EXPIRED);
    }

    @Test
    void ddtk_meters_refuse_credit_but_take_management_tokens() {
        MeterKeyParams ddtk = meter.withKt(MeterKeyParams.KT_DDTK);
        DecoderKey key = dk(ddtk);
        MeterSimulator m = MeterSimulator.builder(ddtk, key).build();
        long block = BlockLayout.standard(0, 0, 3, 5000, 100);
        String creditToken = TokenNumber.format(0, engine.encrypt(key, ddtk.ea(), block));
        assertThat(m.enter(creditToken)).isEqualTo(MeterResult.DDTK_ERROR);
        String mpl = engine.issue(key, ddtk, new ManagementTokenRequest(0, 5000, 5001, 1)).token();
        assertThat(m.enter(mpl)).isEqualTo(MeterResult.ACCEPT);
    }

    @Test
    void management_tokens_change_meter_state() {
        MeterSimulator m = newMeter();
        m.enter(credit(500, 2000));
        m.tamper();
        assertThat(m.tampered()).isTrue();
        assertThat(m.enter(engine.issue(dk, meter, ManagementTokenRequest.of(5, 0, 2001)).token())).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.tampered()).isFalse();
        assertThat(m.enter(engine.issue(dk, meter, ManagementTokenRequest.of(6, 180223, 2002)).token())).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.phaseUnbalanceLimitWatts()).isEqualTo(180224);
        assertThat(m.enter(engine.issue(dk, meter, ManagementTokenRequest.of(2, 77, 2003)).token())).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.tariffRate()).isEqualTo(77);
        assertThat(m.enter(engine.issue(dk, meter, ManagementTokenRequest.of(7, 12, 2004)).token())).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.waterMeterFactor()).isEqualTo(12);
        assertThat(m.enter(engine.issue(dk, meter, ManagementTokenRequest.of(1, 9, 2005)).token())).isEqualTo(MeterResult.RANGE_ERROR);
        assertThat(m.credit(0)).isEqualTo(500);
        assertThat(m.enter(engine.issue(dk, meter, ManagementTokenRequest.of(1, 0, 2006)).token())).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.credit(0)).isZero();
        assertThat(m.loadSwitchClosed()).isFalse();
    }

    @Test
    void load_switch_opens_when_consumption_uses_up_the_credit() {
        MeterSimulator m = newMeter();
        assertThat(m.loadSwitchClosed()).isFalse();
        m.enter(credit(100, 2000));
        assertThat(m.loadSwitchClosed()).isTrue();
        assertThat(m.consume(60)).isEqualTo(60);
        assertThat(m.loadSwitchClosed()).isTrue();
        assertThat(m.consume(60)).isEqualTo(40);
        assertThat(m.credit(0)).isZero();
        assertThat(m.loadSwitchClosed()).isFalse();
        m.enter(credit(1, 2001));
        assertThat(m.loadSwitchClosed()).isTrue();
    }

    @Test
    void overflow_when_a_register_would_pass_its_limit() {
        MeterSimulator m = MeterSimulator.builder(meter, dk).creditLimit(1000).build();
        assertThat(m.enter(credit(1000, 10))).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.enter(credit(1, 11))).isEqualTo(MeterResult.OVERFLOW_ERROR);
        assertThat(m.enter(credit(1, 12))).isEqualTo(MeterResult.OVERFLOW_ERROR);
        assertThat(m.credit(0)).isEqualTo(1000);
    }

    @Test
    void class1_tokens_need_the_meters_manufacturer_code() {
        MeterSimulator m = newMeter();
        assertThat(m.enter("56493153725450313471")).isEqualTo(MeterResult.ACCEPT); // CTSA02 step 1, mfr 00
        assertThat(m.lastTestControl()).isEqualTo(0xFFFFFFFFFL);
        String mfr12 = TokenEngine.meterTest(new MeterTestTokenRequest(0, 1, 12)).token();
        assertThat(m.enter(mfr12)).isEqualTo(MeterResult.MFR_CODE_ERROR);
        String badCrc = TokenNumber.format(1, BlockLayout.meterTest(0, 1, 0) ^ 1);
        assertThat(m.enter(badCrc)).isEqualTo(MeterResult.CRC_ERROR);
        String extended = TokenNumber.format(1, BlockLayout.withCrc(1, 2, 0));
        assertThat(m.enter(extended)).isEqualTo(MeterResult.FUNCTION_ERROR);
    }

    @Test
    void reserved_subclasses_give_function_error() {
        MeterSimulator m = newMeter();
        long block = BlockLayout.withCrc(0, 9, 5000L << 16);
        assertThat(m.enter(TokenNumber.format(0, engine.encrypt(dk, meter.ea(), block)))).isEqualTo(MeterResult.FUNCTION_ERROR);
        long class2 = BlockLayout.withCrc(2, 12, 5000L << 16);
        assertThat(m.enter(TokenNumber.format(2, engine.encrypt(dk, meter.ea(), class2)))).isEqualTo(MeterResult.FUNCTION_ERROR);
    }

    @Test
    void four_token_key_change_in_any_order_installs_the_new_key_and_ro_clears_the_tid_memory() {
        MeterSimulator m = newMeter();
        assertThat(m.enter(credit(10, 3_000_000))).isEqualTo(MeterResult.ACCEPT);
        MeterKeyParams next = new MeterKeyParams(meter.pan(), "123461", 2, 4, 2, BaseDate.Y2014, meter.dkga(), meter.ea());
        DecoderKey newKey = dk(next);
        List<IssuedToken> set = engine.keyChange(dk, meter, newKey, new KeyChangeRequest("k", next, 0x12, true));
        assertThat(set).extracting(IssuedToken::subclass).containsExactly(3, 4, 8, 9);
        assertThat(m.enter(set.get(3).token())).isEqualTo(MeterResult.SECOND_KCT);
        assertThat(m.enter(set.get(0).token())).isEqualTo(MeterResult.FIRST_KCT);
        assertThat(m.enter(set.get(2).token())).isEqualTo(MeterResult.SECOND_KCT);
        assertThat(m.keyRevision()).isEqualTo(1);
        assertThat(m.enter(set.get(1).token())).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.keyRevision()).isEqualTo(4);
        assertThat(m.tariffIndex()).isEqualTo(2);
        assertThat(m.supplyGroupCode()).isEqualTo(123461);
        assertThat(m.keyExpiryNumber()).isEqualTo(0x12);
        assertThat(m.tidMemory()).containsExactly(0L);

        String oldKeyToken = credit(10, 3_000_001);
        assertThat(m.enter(oldKeyToken)).isEqualTo(MeterResult.CRC_ERROR);
        String newKeyToken = engine.issue(newKey, next, new CreditTokenRequest(0, 10, 100, 2)).token();
        assertThat(m.enter(newKeyToken)).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.credit(0)).isEqualTo(20); // credit survives the key change
        String expired = engine.issue(newKey, next, new CreditTokenRequest(0, 10, 0x130000, 2)).token();
        assertThat(m.enter(expired)).isEqualTo(MeterResult.KEY_EXPIRED);
    }

    @Test
    void two_token_key_change_on_an_ea07_meter() {
        MeterKeyParams ea07 = Fixtures.EA07_METER;
        DecoderKey key = dk(ea07);
        MeterSimulator m = MeterSimulator.builder(ea07, key).manufactureTid(100).build();
        MeterKeyParams next = ea07.withKrn(2).withTi(99);
        DecoderKey newKey = dk(next);
        List<IssuedToken> set = engine.keyChange(key, ea07, newKey, new KeyChangeRequest("k", next, 255, false));
        assertThat(set).hasSize(2).allMatch(IssuedToken::testToken);
        assertThat(m.enter(set.get(1).token())).isEqualTo(MeterResult.SECOND_KCT);
        assertThat(m.enter(set.get(0).token())).isEqualTo(MeterResult.ACCEPT);
        assertThat(m.tariffIndex()).isEqualTo(99);
        assertThat(m.tidMemory()).containsExactly(100L); // RO=0 keeps the memory
        String t = engine.issue(newKey, next, new CreditTokenRequest(0, 25, 200, 0)).token();
        assertThat(m.enter(t)).isEqualTo(MeterResult.ACCEPT);
    }

    @Test
    void a_dctk_key_change_is_a_key_type_error() {
        MeterSimulator m = newMeter();
        MeterKeyParams next = meter.withKt(3);
        List<IssuedToken> set = engine.keyChange(dk, meter, dk(next), new KeyChangeRequest("k", next, 255, false));
        assertThat(m.enter(set.get(0).token())).isEqualTo(MeterResult.KEY_TYPE_ERROR);
    }
}

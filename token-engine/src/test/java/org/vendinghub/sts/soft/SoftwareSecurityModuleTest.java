package org.vendinghub.sts.soft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vendinghub.sts.BaseDate;
import org.vendinghub.sts.CreditTokenRequest;
import org.vendinghub.sts.DecodedToken;
import org.vendinghub.sts.Ea;
import org.vendinghub.sts.Fixtures;
import org.vendinghub.sts.IssuedToken;
import org.vendinghub.sts.KeyChangeRequest;
import org.vendinghub.sts.ManagementTokenRequest;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.MeterTestTokenRequest;
import org.vendinghub.sts.SecurityModule;
import org.vendinghub.sts.SecurityModuleException;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.sts.token.Tid;

class SoftwareSecurityModuleTest {

    private static final byte[] KEK = HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
    private static final String KEY_ID = "SGC-123457-KRN1";

    @TempDir
    Path dir;

    @Test
    void import_wipes_the_clear_key_and_the_keystore_holds_it_encrypted() throws Exception {
        Path file = dir.resolve("keys.ks");
        byte[] vk = Fixtures.vk04();
        try (SoftwareSecurityModule sm = new SoftwareSecurityModule(file, KEK)) {
            sm.importVendingKey(KEY_ID, vk);
            assertThat(vk).containsOnly(0);
            assertThat(sm.hasVendingKey(KEY_ID)).isTrue();
            assertThat(sm.toString()).doesNotContain("abab").contains("keys=1");
        }
        String stored = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(stored).contains(KEY_ID + "=").doesNotContainIgnoringCase(Fixtures.VK04_HEX);

        try (SoftwareSecurityModule reopened = new SoftwareSecurityModule(file, KEK)) {
            IssuedToken t = reopened.issueOne(KEY_ID, Fixtures.EA11_METER,
                    new CreditTokenRequest(0, 1, Tid.of(LocalDateTime.parse("2004-03-01T13:00"), BaseDate.Y1993), 5));
            assertThat(t.token()).isEqualTo("59386323472137426967"); // CTSA01_04 step 1
            assertThat(t.testToken()).isFalse();
        }
    }

    @Test
    void a_wrong_kek_cannot_read_the_keys() {
        Path file = dir.resolve("keys.ks");
        try (SoftwareSecurityModule sm = new SoftwareSecurityModule(file, KEK)) {
            sm.importVendingKey(KEY_ID, Fixtures.vk04());
        }
        byte[] otherKek = KEK.clone();
        otherKek[0] ^= 1;
        try (SoftwareSecurityModule sm = new SoftwareSecurityModule(file, otherKek)) {
            assertThatThrownBy(() -> sm.issue(KEY_ID, Fixtures.EA11_METER, CreditTokenRequest.units(0, 1, 100)))
                    .isInstanceOf(SecurityModuleException.class)
                    .hasMessage("vending key " + KEY_ID + " does not decrypt: wrong key-encryption key or damaged keystore");
        }
    }

    @Test
    void unknown_keys_and_bad_inputs_have_exact_messages() {
        SecurityModule sm = SoftwareSecurityModule.inMemory();
        assertThatThrownBy(() -> sm.issue("nope", Fixtures.EA11_METER, CreditTokenRequest.units(0, 1, 100)))
                .isInstanceOf(SecurityModuleException.class).hasMessage("unknown vending key nope");
        byte[] shortKey = new byte[5];
        assertThatThrownBy(() -> sm.importVendingKey("k", shortKey))
                .hasMessage("vending key must be 8 bytes (DKGA02) or 20 bytes (DKGA04), not 5");
        sm.importVendingKey("des", Fixtures.vk02());
        assertThatThrownBy(() -> sm.issue("des", Fixtures.EA11_METER, CreditTokenRequest.units(0, 1, 100)))
                .hasMessage("vending key des cannot be used with DKGA04: DKGA04 vending key must be 160 bits (20 bytes), not 8 bytes");
        assertThatThrownBy(() -> SoftwareSecurityModule.parseKek("abc"))
                .hasMessage("key-encryption key must be hex or Base64 of 16, 24 or 32 bytes");
        assertThat(SoftwareSecurityModule.parseKek(HexFormat.of().formatHex(KEK))).isEqualTo(KEK);
    }

    @Test
    void issues_verifies_and_key_changes_through_the_port_and_the_meter_accepts() {
        SoftwareSecurityModule sm = SoftwareSecurityModule.inMemory();
        sm.importVendingKey(KEY_ID, Fixtures.vk04());
        sm.importVendingKey("SGC-123461-KRN2", Fixtures.vk04());
        MeterKeyParams meter = Fixtures.EA11_METER;
        MeterSimulator sim = sm.meterSimulator(KEY_ID, meter).manufactureTid(100).build();

        List<IssuedToken> tokens = sm.issue(KEY_ID, meter, CreditTokenRequest.units(0, 205, 1000),
                ManagementTokenRequest.of(0, 5000, 1001), new MeterTestTokenRequest(0, 1, 0));
        assertThat(tokens).hasSize(3);
        for (IssuedToken t : tokens) {
            assertThat(sim.enter(t.token())).isEqualTo(MeterResult.ACCEPT);
        }
        assertThat(sim.credit(0)).isEqualTo(205);
        assertThat(sim.maxPowerLimitWatts()).isEqualTo(5000);

        DecodedToken decoded = sm.decode(KEY_ID, meter, tokens.get(0).token());
        assertThat(decoded.crcOk()).isTrue();
        assertThat(decoded.value()).isEqualTo(205);
        assertThat(sm.decode("SGC-123461-KRN2", meter.withKrn(2), tokens.get(0).token()).crcOk()).isFalse();

        MeterKeyParams next = meter.withSgc("123461").withKrn(2);
        List<IssuedToken> set = sm.keyChange(KEY_ID, meter, new KeyChangeRequest("SGC-123461-KRN2", next, 255, false));
        assertThat(set).hasSize(4);
        for (IssuedToken t : set) {
            sim.enter(t.token());
        }
        assertThat(sim.lastResult()).isEqualTo(MeterResult.ACCEPT);
        assertThat(sim.supplyGroupCode()).isEqualTo(123461);
        IssuedToken afterChange = sm.issueOne("SGC-123461-KRN2", next, CreditTokenRequest.units(0, 10, 1002));
        assertThat(sim.enter(afterChange.token())).isEqualTo(MeterResult.ACCEPT);
        assertThat(sm.isTestToken(Ea.EA07)).isTrue();
        assertThat(sm.isTestToken(Ea.EA11)).isFalse();
    }

    @Test
    void credit_under_a_ddtk_is_refused_at_issue() {
        SoftwareSecurityModule sm = SoftwareSecurityModule.inMemory();
        sm.importVendingKey(KEY_ID, Fixtures.vk04());
        assertThatThrownBy(() -> sm.issue(KEY_ID, Fixtures.EA11_METER.withKt(1), CreditTokenRequest.units(0, 1, 100)))
                .hasMessage("credit tokens cannot be issued under a DDTK (KT 1)");
    }
}

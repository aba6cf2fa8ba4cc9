package org.vendinghub.payments;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressListTest {

    private final AddressList list = AddressList.parse("test", " 196.201.214.200, 10.0.0.0/8 ,192.168.4.0/22, 2001:db8::/32, ::1");

    @ParameterizedTest(name = "{0} is listed: {1}")
    @CsvSource({"196.201.214.200, true", "196.201.214.201, false", "10.255.0.1, true", "11.0.0.1, false",
            "192.168.7.255, true", "192.168.8.0, false", "2001:db8:ffff::1, true", "2001:db9::1, false",
            "0:0:0:0:0:0:0:1, true", "::2, false", "not-an-address, false", "'', false", "300.1.1.1, false",
            "196.201.214.200:443, false"})
    void addresses_and_cidr_blocks_of_both_families_are_matched_and_anything_else_is_not(String address, boolean listed) {
        assertThat(list.contains(address)).isEqualTo(listed);
    }

    @Test
    void an_entry_that_is_not_an_address_or_block_is_refused_with_the_setting_and_the_rule() {
        assertThatThrownBy(() -> AddressList.parse("hub.payments.trusted-proxies", "10.0.0.0/8, proxy.example.com"))
                .hasMessage("hub.payments.trusted-proxies must list IP addresses or CIDR blocks such as 10.0.0.0/8, not 'proxy.example.com'");
        assertThatThrownBy(() -> AddressList.parse("x", "10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33'");
    }

    @Test
    void an_empty_setting_is_an_empty_list() {
        assertThat(AddressList.parse("x", "").isEmpty()).isTrue();
        assertThat(AddressList.parse("x", " , ").isEmpty()).isTrue();
        assertThat(AddressList.parse("x", "").contains("127.0.0.1")).isFalse();
    }
}

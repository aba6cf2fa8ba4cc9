package org.vendinghub.connectors.momo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MomoPropertiesTest {

    private static MomoProperties bind(MutablePropertySources sources) {
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("hub.momo", MomoProperties.class);
    }

    @Test
    void the_disbursement_credentials_are_their_own_settings_and_come_from_the_documented_environment_variables() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "HUB_MOMO_SUBSCRIPTION_KEY", "collection-key", "HUB_MOMO_API_USER", "collection-user", "HUB_MOMO_API_KEY", "collection-api-key",
                "HUB_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY", "disbursement-key", "HUB_MOMO_DISBURSEMENT_API_USER", "disbursement-user",
                "HUB_MOMO_DISBURSEMENT_API_KEY", "disbursement-api-key")));

        MomoProperties p = bind(sources);

        assertThat(p.configured()).isTrue();
        assertThat(p.disbursementConfigured()).isTrue();
        assertThat(p.subscriptionKey()).isEqualTo("collection-key");
        assertThat(p.disbursement().subscriptionKey()).isEqualTo("disbursement-key");
        assertThat(p.disbursement().apiUser()).isEqualTo("disbursement-user");
        assertThat(p.disbursement().apiKey()).isEqualTo("disbursement-api-key");
    }

    @Test
    void without_disbursement_settings_collections_still_work_and_refunds_are_not_configured() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("yml", Map.of("hub.momo.subscription-key", "k", "hub.momo.api-user", "u",
                "hub.momo.api-key", "a")));

        MomoProperties p = bind(sources);

        assertThat(p.configured()).isTrue();
        assertThat(p.disbursementConfigured()).isFalse();
        assertThat(p.disbursement().apiKey()).isEmpty();
    }

    @Test
    void to_string_masks_every_secret_of_both_products() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("yml", Map.of("hub.momo.subscription-key", "sub-secret-1", "hub.momo.api-key", "api-secret-2",
                "hub.momo.callback-secret", "cb-secret-3", "hub.momo.disbursement.subscription-key", "disb-secret-4",
                "hub.momo.disbursement.api-user", "disb-user-5", "hub.momo.disbursement.api-key", "disb-secret-6")));

        String shown = bind(sources).toString();

        assertThat(shown).doesNotContain("sub-secret-1", "api-secret-2", "cb-secret-3", "disb-secret-4", "disb-user-5", "disb-secret-6");
        assertThat(shown).contains("disbursement=Disbursement[subscriptionKey=***, apiUser=***, apiKey=***]");
    }

    @Test
    void the_refund_callback_url_sits_beside_the_request_to_pay_one_and_is_empty_without_a_callback_base() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("yml", Map.of("hub.momo.callback-base-url", "https://hub.example.com/",
                "hub.momo.callback-secret", "s3cr3t")));

        assertThat(bind(sources).refundCallbackUrl("r-1")).isEqualTo("https://hub.example.com/callbacks/momo/s3cr3t/refund/r-1");
        assertThat(bind(new MutablePropertySources()).refundCallbackUrl("r-1")).isEmpty();
    }
}

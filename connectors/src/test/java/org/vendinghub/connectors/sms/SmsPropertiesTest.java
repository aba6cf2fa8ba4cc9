package org.vendinghub.connectors.sms;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsPropertiesTest {

    @Test
    void with_no_configuration_the_sandbox_is_the_default_and_sending_is_off() {
        SmsProperties sms = bind(Map.of());

        assertThat(sms).isEqualTo(new SmsProperties("https://api.sandbox.africastalking.com", "sandbox", "", "", 5000));
        assertThat(sms.configured()).isFalse();
        assertThat(sms.messagingUri()).hasToString("https://api.sandbox.africastalking.com/version1/messaging");
    }

    @Test
    void the_documented_environment_variables_set_every_property() {
        SmsProperties sms = bind(Map.of(
                "HUB_SMS_BASE_URL", "https://api.africastalking.com/",
                "HUB_SMS_USERNAME", "vendinghub",
                "HUB_SMS_API_KEY", "atsk_live_secret",
                "HUB_SMS_SENDER_ID", "VENDHUB",
                "HUB_SMS_TIMEOUT_MS", "8000"));

        assertThat(sms).isEqualTo(new SmsProperties("https://api.africastalking.com/", "vendinghub", "atsk_live_secret",
                "VENDHUB", 8000));
        assertThat(sms.configured()).isTrue();
        assertThat(sms.messagingUri()).hasToString("https://api.africastalking.com/version1/messaging");
    }

    @Test
    void printing_the_properties_never_shows_the_api_key() {
        SmsProperties sms = new SmsProperties("https://api.africastalking.com", "vendinghub", "atsk_live_secret", "VENDHUB", 5000);

        assertThat(sms.toString())
                .doesNotContain("atsk_live_secret")
                .isEqualTo("SmsProperties[baseUrl=https://api.africastalking.com, username=vendinghub, apiKey=***,"
                        + " senderId=VENDHUB, timeoutMs=5000]");
    }

    @Test
    void a_base_url_that_is_not_http_stops_the_hub_at_start_up() {
        assertThatThrownBy(() -> bind(Map.of("HUB_SMS_BASE_URL", "api.africastalking.com")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessage("hub.sms.base-url must be an http(s) URL such as https://api.africastalking.com,"
                        + " was 'api.africastalking.com'");
    }

    @Test
    void a_timeout_of_zero_stops_the_hub_at_start_up() {
        assertThatThrownBy(() -> bind(Map.of("HUB_SMS_TIMEOUT_MS", "0")))
                .rootCause()
                .hasMessage("hub.sms.timeout-ms must be positive, was 0");
    }

    private static SmsProperties bind(Map<String, Object> environment) {
        var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("hub.sms", SmsProperties.class);
    }
}

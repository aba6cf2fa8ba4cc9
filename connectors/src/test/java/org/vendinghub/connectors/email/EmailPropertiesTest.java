package org.vendinghub.connectors.email;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailPropertiesTest {

    @Test
    void with_no_configuration_mail_goes_to_a_local_relay_without_login() {
        EmailProperties email = bind(Map.of());

        assertThat(email).isEqualTo(new EmailProperties("localhost", 25, "tokens@vendinghub.local", "", "", false, 10_000));
        assertThat(email.authenticated()).isFalse();
    }

    @Test
    void the_documented_environment_variables_set_every_property() {
        EmailProperties email = bind(Map.of(
                "HUB_EMAIL_SMTP_HOST", "smtp.example.com",
                "HUB_EMAIL_SMTP_PORT", "587",
                "HUB_EMAIL_FROM", "tokens@example.com",
                "HUB_EMAIL_USERNAME", "hub",
                "HUB_EMAIL_PASSWORD", "s3cret-pw",
                "HUB_EMAIL_STARTTLS", "true",
                "HUB_EMAIL_TIMEOUT_MS", "4000"));

        assertThat(email).isEqualTo(new EmailProperties("smtp.example.com", 587, "tokens@example.com", "hub", "s3cret-pw", true, 4000));
        assertThat(email.authenticated()).isTrue();
    }

    @Test
    void printing_the_properties_never_shows_the_password() {
        EmailProperties email = new EmailProperties("smtp.example.com", 587, "tokens@example.com", "hub", "s3cret-pw", true, 4000);

        assertThat(email.toString())
                .doesNotContain("s3cret-pw")
                .isEqualTo("EmailProperties[smtpHost=smtp.example.com, smtpPort=587, from=tokens@example.com, username=hub,"
                        + " password=***, starttls=true, timeoutMs=4000]");
    }

    @Test
    void a_sender_that_is_not_an_address_stops_the_hub_at_start_up() {
        assertThatThrownBy(() -> bind(Map.of("HUB_EMAIL_FROM", "Vending Hub")))
                .rootCause()
                .hasMessage("hub.email.from must be an address like tokens@example.com, was 'Vending Hub'");
    }

    @Test
    void a_port_out_of_range_stops_the_hub_at_start_up() {
        assertThatThrownBy(() -> bind(Map.of("HUB_EMAIL_SMTP_PORT", "0")))
                .rootCause()
                .hasMessage("hub.email.smtp-port must be 1 to 65535, was 0");
    }

    private static EmailProperties bind(Map<String, Object> environment) {
        var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("hub.email", EmailProperties.class);
    }
}

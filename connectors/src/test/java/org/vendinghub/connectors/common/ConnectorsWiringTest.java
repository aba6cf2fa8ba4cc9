package org.vendinghub.connectors.common;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.vendinghub.connectors.email.EmailConfiguration;
import org.vendinghub.connectors.email.EmailProperties;
import org.vendinghub.connectors.email.EmailRoutes;
import org.vendinghub.connectors.email.SmtpMailer;
import org.vendinghub.connectors.sms.SmsConfiguration;
import org.vendinghub.connectors.sms.SmsGateway;
import org.vendinghub.connectors.sms.SmsProperties;
import org.vendinghub.connectors.sms.SmsRoutes;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring wiring the hub picks up by component scan, without Camel or a web server. */
class ConnectorsWiringTest {

    /** Like the hub's application class: component scan plus {@code @ConfigurationPropertiesScan} over the same classes. */
    @Configuration
    @ConfigurationPropertiesScan("org.vendinghub.connectors")
    @Import({SmsConfiguration.class, SmsRoutes.class, EmailConfiguration.class, EmailRoutes.class})
    static class LikeTheHub {
    }

    private final ApplicationContextRunner hub = new ApplicationContextRunner().withUserConfiguration(LikeTheHub.class);

    @Test
    void the_hub_starts_without_any_connector_configuration() {
        hub.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SmsProperties.class).hasSingleBean(SmsGateway.class).hasSingleBean(SmsRoutes.class);
            assertThat(context).hasSingleBean(EmailProperties.class).hasSingleBean(SmtpMailer.class).hasSingleBean(EmailRoutes.class);
            assertThat(context.getBean(SmsProperties.class).configured()).isFalse();
            assertThat(context.getBean(EmailProperties.class).smtpHost()).isEqualTo("localhost");
        });
    }

    @Test
    void configured_values_reach_the_beans() {
        hub.withPropertyValues("hub.sms.api-key=atsk_live_secret", "hub.sms.sender-id=VENDHUB",
                        "hub.email.smtp-host=smtp.example.com", "hub.email.smtp-port=587")
                .run(context -> {
                    assertThat(context.getBean(SmsProperties.class).configured()).isTrue();
                    assertThat(context.getBean(SmsProperties.class).senderId()).isEqualTo("VENDHUB");
                    assertThat(context.getBean(EmailProperties.class).smtpPort()).isEqualTo(587);
                });
    }

    @Test
    void a_bad_value_stops_the_start_up_with_the_rule() {
        hub.withPropertyValues("hub.sms.timeout-ms=-1").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessage("hub.sms.timeout-ms must be positive, was -1"));
    }
}

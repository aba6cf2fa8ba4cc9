package org.vendinghub.connectors.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outgoing mail server ({@code hub.email.*}, env {@code HUB_EMAIL_*}). Documented in connectors/README.md.
 *
 * @param smtpHost  SMTP server host
 * @param smtpPort  SMTP server port (25 plain relay, 587 submission with {@code starttls})
 * @param from      the sender address on every mail; bounces go there
 * @param username  SMTP login; empty: send without logging in
 * @param password  SMTP password; secret: never printed
 * @param starttls  require STARTTLS before anything else is sent (set it whenever a password is used)
 * @param timeoutMs connect timeout, and again the time allowed for each server reply
 */
@ConfigurationProperties("hub.email")
public record EmailProperties(
        @DefaultValue("localhost") String smtpHost,
        @DefaultValue("25") int smtpPort,
        @DefaultValue("tokens@vendinghub.local") String from,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("false") boolean starttls,
        @DefaultValue("10000") int timeoutMs) {

    public EmailProperties {
        smtpHost = smtpHost == null ? "" : smtpHost.strip();
        from = from == null ? "" : from.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        if (smtpHost.isEmpty()) {
            throw new IllegalArgumentException("hub.email.smtp-host is required, e.g. smtp.example.com");
        }
        if (smtpPort < 1 || smtpPort > 65535) {
            throw new IllegalArgumentException("hub.email.smtp-port must be 1 to 65535, was " + smtpPort);
        }
        if (!from.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("hub.email.from must be an address like tokens@example.com, was '" + from + "'");
        }
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("hub.email.timeout-ms must be positive, was " + timeoutMs);
        }
    }

    /** True when a username is set: the mailer then logs in. */
    public boolean authenticated() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        return "EmailProperties[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", from=" + from
                + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "***")
                + ", starttls=" + starttls + ", timeoutMs=" + timeoutMs + "]";
    }
}

package org.vendinghub.connectors.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code email-send} route against GreenMail, and against a scripted server for the refusals. */
class EmailRoutesTest {

    private static final String FROM = "tokens@vendinghub.local";
    private static final EmailMessage TOKEN_MAIL = new EmailMessage("amina@example.com", "Your electricity token",
            "Meter 04040404040\nToken 1234 5678 9012 3456 7890\n25.5 kWh", "vend-0191b6f2");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, "hub", "s3cret-pw"));

    private CamelContext camel;

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void a_token_email_arrives_with_its_subject_and_text() throws Exception {
        Exchange exchange = send(properties(greenMail.getSmtp().getPort(), "", ""), TOKEN_MAIL);

        assertThat(exchange.getException()).isNull();
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getFrom()).extracting(Object::toString).containsExactly(FROM);
        assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("amina@example.com");
        assertThat(received.getSubject()).isEqualTo("Your electricity token");
        assertThat(GreenMailUtil.getBody(received).replace("\r\n", "\n")).isEqualTo(TOKEN_MAIL.text());
        assertThat(exchange.getMessage().getBody(EmailReceipt.class))
                .isEqualTo(new EmailReceipt(received.getMessageID()));
    }

    @Test
    void the_callers_headers_do_not_become_mail_headers_and_are_kept() throws Exception {
        camel = started(properties(greenMail.getSmtp().getPort(), "", ""));

        Exchange exchange = camel.createProducerTemplate().send("direct:email-send", e -> {
            e.getMessage().setHeader("VendId", "vend-0191b6f2");
            e.getMessage().setHeader("Bcc", "eve@example.com");
            e.getMessage().setBody(TOKEN_MAIL);
        });

        assertThat(exchange.getException()).isNull();
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getHeader("VendId")).isNull();
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(greenMail.getReceivedMessagesForDomain("example.com")).hasSize(1);
        assertThat(exchange.getMessage().getHeader("VendId")).isEqualTo("vend-0191b6f2");
    }

    @Test
    void with_a_username_the_mailer_logs_in_first() {
        Exchange exchange = send(properties(greenMail.getSmtp().getPort(), "hub", "s3cret-pw"), TOKEN_MAIL);

        assertThat(exchange.getException()).isNull();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_wrong_password_is_rejected_and_never_shown() {
        Exchange exchange = send(properties(greenMail.getSmtp().getPort(), "hub", "wrong-pw"), TOKEN_MAIL);

        RejectedException rejected = rejected(exchange);
        assertThat(rejected.code()).isEqualTo("EMAIL_AUTH_FAILED");
        assertThat(rejected.getMessage())
                .isEqualTo("SMTP server localhost:" + greenMail.getSmtp().getPort() + " refused the login of user 'hub':"
                        + " check HUB_EMAIL_USERNAME and HUB_EMAIL_PASSWORD; e-mail vend-0191b6f2 was not sent")
                .doesNotContain("wrong-pw");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_recipient_the_server_refuses_permanently_is_rejected_with_the_smtp_code() throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                Map.of("RCPT", "550 5.1.1 <amina@example.com>: Recipient address rejected: User unknown"))) {

            RejectedException rejected = rejected(send(properties(server.port(), "", ""), TOKEN_MAIL));

            assertThat(rejected.code()).isEqualTo("EMAIL_550");
            assertThat(rejected.getMessage()).isEqualTo("SMTP server localhost:" + server.port() + " refused e-mail"
                    + " vend-0191b6f2 to amina@example.com: 550 5.1.1 <amina@example.com>: Recipient address rejected: User unknown");
        }
    }

    @Test
    void a_sender_the_server_refuses_by_policy_is_rejected() throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Map.of("MAIL", "554 5.7.1 sender blocked by policy"))) {

            RejectedException rejected = rejected(send(properties(server.port(), "", ""), TOKEN_MAIL));

            assertThat(rejected.code()).isEqualTo("EMAIL_554");
            assertThat(rejected.getMessage()).endsWith("554 5.7.1 sender blocked by policy");
        }
    }

    @Test
    void a_recipient_the_server_defers_is_transient() throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                Map.of("RCPT", "451 4.7.1 <amina@example.com>: greylisted, try again later"))) {

            TransientException failure = transientFailure(send(properties(server.port(), "", ""), TOKEN_MAIL));

            assertThat(failure.code()).isEqualTo("EMAIL_451");
            assertThat(failure.getMessage()).contains("deferred e-mail vend-0191b6f2").endsWith("greylisted, try again later");
        }
    }

    @Test
    void an_smtp_server_that_is_down_is_transient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        TransientException failure = transientFailure(send(properties(closedPort, "", ""), TOKEN_MAIL));

        assertThat(failure.code()).isEqualTo("EMAIL_CONNECTION");
        assertThat(failure.getMessage()).startsWith("could not send e-mail vend-0191b6f2 through SMTP server localhost:"
                + closedPort + ": Connection refused");
    }

    @Test
    void an_smtp_server_that_does_not_greet_in_time_is_transient() throws IOException {
        // the kernel completes the TCP handshake into the backlog, but nobody ever says 220
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();
            TransientException failure = transientFailure(send(
                    new EmailProperties("localhost", silent.getLocalPort(), FROM, "", "", false, 300), TOKEN_MAIL));
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(failure.code()).isEqualTo("EMAIL_TIMEOUT");
            assertThat(failure.getMessage()).isEqualTo("SMTP server localhost:" + silent.getLocalPort()
                    + " did not answer within 300 ms; e-mail vend-0191b6f2 may or may not have been sent");
            assertThat(tookMs).isLessThan(2_500);
        }
    }

    @Test
    void tests_of_the_hub_can_replace_the_smtp_call_by_its_id() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new EmailRoutes(new SmtpMailer(properties(greenMail.getSmtp().getPort(), "", ""))));
        AdviceWith.adviceWith(camel, "email-send", route -> route.weaveById("to-smtp").replace().to("mock:email"));
        camel.start();
        MockEndpoint email = camel.getEndpoint("mock:email", MockEndpoint.class);
        email.expectedBodiesReceived(TOKEN_MAIL);

        camel.createProducerTemplate().sendBody("direct:email-send", TOKEN_MAIL);

        email.assertIsSatisfied();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    private Exchange send(EmailProperties properties, EmailMessage email) {
        camel = started(properties);
        return camel.createProducerTemplate().send("direct:email-send", e -> e.getMessage().setBody(email));
    }

    private static CamelContext started(EmailProperties properties) {
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new EmailRoutes(new SmtpMailer(properties)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        context.start();
        return context;
    }

    private static EmailProperties properties(int port, String username, String password) {
        return new EmailProperties("localhost", port, FROM, username, password, false, 2_000);
    }

    private static RejectedException rejected(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(RejectedException.class);
        return (RejectedException) exchange.getException();
    }

    private static TransientException transientFailure(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(TransientException.class);
        return (TransientException) exchange.getException();
    }
}

package org.vendinghub.connectors.email;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:email-send}: body {@link EmailMessage} in, {@link EmailReceipt} out; fails with
 * {@code RejectedException} or {@code TransientException}. No retries and no handling here: the calling
 * route's error policy owns both, at its own {@code to("direct:email-send")} node.
 */
@Component
public class EmailRoutes extends RouteBuilder {

    private final SmtpMailer mailer;

    public EmailRoutes(SmtpMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void configure() {
        from("direct:email-send")
                .routeId("email-send")
                .errorHandler(noErrorHandler())
                .bean(mailer, "send").id("to-smtp");
    }
}

package org.vendinghub.connectors.email;

/**
 * The SMTP server's acceptance of one e-mail: the reply body of {@code direct:email-send}. Acceptance means
 * the server queued it; bounces after that arrive, if at all, as mail to the {@code hub.email.from} address.
 *
 * @param messageId the {@code Message-ID} header we gave the mail, to find it in the server's logs
 */
public record EmailReceipt(String messageId) {
}

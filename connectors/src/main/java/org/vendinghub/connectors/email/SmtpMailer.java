package org.vendinghub.connectors.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends one plain-text e-mail over SMTP (Jakarta Mail) and sorts every outcome into a receipt, a
 * {@link RejectedException} (SMTP 5xx, failed login) or a {@link TransientException} (SMTP 4xx, no connection,
 * timeouts). It never retries. The mail is built from the {@link EmailMessage} alone: no Camel header becomes a
 * mail header.
 */
public class SmtpMailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    private final EmailProperties properties;
    private final Session session;

    public SmtpMailer(EmailProperties properties) {
        this.properties = properties;
        this.session = Session.getInstance(sessionProperties(properties));
    }

    /** Hands {@code email} to the SMTP server once; returns the receipt or throws. */
    public EmailReceipt send(EmailMessage email) {
        MimeMessage mail = new MimeMessage(session);
        try {
            mail.setFrom(new InternetAddress(properties.from()));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to()));
            mail.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            mail.setText(email.text(), StandardCharsets.UTF_8.name());
            mail.setSentDate(new Date());
            if (properties.authenticated()) {
                Transport.send(mail, properties.username(), properties.password());
            } else {
                Transport.send(mail);
            }
            EmailReceipt receipt = new EmailReceipt(mail.getMessageID());
            log.info("E-mail {} to {} accepted by {} as {}", email.reference(), email.to(), server(), receipt.messageId());
            return receipt;
        } catch (AddressException e) {
            throw new RejectedException("EMAIL_BAD_ADDRESS", "e-mail " + email.reference() + " not sent: '" + e.getRef()
                    + "' is not a usable address (" + e.getMessage() + "); check the recipient or HUB_EMAIL_FROM", e);
        } catch (AuthenticationFailedException e) {
            throw new RejectedException("EMAIL_AUTH_FAILED", "SMTP server " + server() + " refused the login of user '"
                    + properties.username() + "': check HUB_EMAIL_USERNAME and HUB_EMAIL_PASSWORD; e-mail "
                    + email.reference() + " was not sent", e);
        } catch (MessagingException e) {
            throw classify(email, e);
        }
    }

    private RuntimeException classify(EmailMessage email, MessagingException e) {
        int replyCode = smtpReplyCode(e);
        String said = serverText(e);
        if (replyCode >= 500) {
            return new RejectedException("EMAIL_" + replyCode, "SMTP server " + server() + " refused e-mail "
                    + email.reference() + " to " + email.to() + ": " + said, e);
        }
        if (replyCode >= 400) {
            return new TransientException("EMAIL_" + replyCode, "SMTP server " + server() + " deferred e-mail "
                    + email.reference() + " to " + email.to() + ": " + said, e);
        }
        if (causedBy(e, SocketTimeoutException.class)) {
            return new TransientException("EMAIL_TIMEOUT", "SMTP server " + server() + " did not answer within "
                    + properties.timeoutMs() + " ms; e-mail " + email.reference() + " may or may not have been sent", e);
        }
        return new TransientException("EMAIL_CONNECTION", "could not send e-mail " + email.reference()
                + " through SMTP server " + server() + ": " + said, e);
    }

    /** The first SMTP reply code found in the exception chain, or -1 when the server never refused anything. */
    private static int smtpReplyCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException failed) {
                return failed.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
        }
        return -1;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message of the chain: the server's own reply, or the socket's complaint. */
    private static String serverText(Throwable e) {
        String text = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text = t.getMessage().strip().replaceAll("\\s+", " ");
            }
        }
        return text.isEmpty() ? e.getClass().getSimpleName() : text;
    }

    private String server() {
        return properties.smtpHost() + ":" + properties.smtpPort();
    }

    private static Properties sessionProperties(EmailProperties p) {
        Properties session = new Properties();
        session.put("mail.transport.protocol", "smtp");
        session.put("mail.smtp.host", p.smtpHost());
        session.put("mail.smtp.port", String.valueOf(p.smtpPort()));
        session.put("mail.smtp.from", p.from());
        session.put("mail.smtp.auth", String.valueOf(p.authenticated()));
        session.put("mail.smtp.starttls.enable", String.valueOf(p.starttls()));
        session.put("mail.smtp.starttls.required", String.valueOf(p.starttls()));
        session.put("mail.smtp.connectiontimeout", String.valueOf(p.timeoutMs()));
        session.put("mail.smtp.timeout", String.valueOf(p.timeoutMs()));
        session.put("mail.smtp.writetimeout", String.valueOf(p.timeoutMs()));
        return session;
    }
}

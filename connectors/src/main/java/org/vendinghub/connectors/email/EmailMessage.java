package org.vendinghub.connectors.email;

import org.vendinghub.domain.ValidationException;

import java.util.regex.Pattern;

/**
 * One plain-text e-mail to one address: the body the hub sends to {@code direct:email-send}.
 *
 * @param to        the recipient, checked roughly ({@code name@domain.tld}); the SMTP server has the last word
 * @param subject   one line, 1 to 200 characters
 * @param text      the plain-text body; it may carry a token, so it is never logged
 * @param reference our id for this message (e.g. the vend id), for logs and support
 */
public record EmailMessage(String to, String subject, String text, String reference) {

    public static final int SUBJECT_LENGTH_MAX = 200;
    public static final int ADDRESS_LENGTH_MAX = 254;

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\"<>,;]+@[^@\\s\"<>,;.]+(\\.[^@\\s\"<>,;.]+)+");

    public EmailMessage {
        ValidationException.require(to != null && to.length() <= ADDRESS_LENGTH_MAX && ADDRESS.matcher(to).matches(),
                "to", "e-mail recipient must be one address like name@example.com");
        ValidationException.require(subject != null && !subject.isBlank() && subject.length() <= SUBJECT_LENGTH_MAX
                        && subject.indexOf('\r') < 0 && subject.indexOf('\n') < 0,
                "subject", "e-mail subject must be one line of 1 to " + SUBJECT_LENGTH_MAX + " characters");
        ValidationException.require(text != null && !text.isBlank(), "text", "e-mail text is required");
        ValidationException.require(reference != null && !reference.isBlank(), "reference",
                "e-mail reference is required: pass our id for it, e.g. the vend id");
    }

    /** Leaves the text out: it may carry a token. */
    @Override
    public String toString() {
        return "EmailMessage[to=" + to + ", subject=" + subject + ", text=(" + text.length() + " chars), reference="
                + reference + "]";
    }
}

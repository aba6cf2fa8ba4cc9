package org.vendinghub.connectors.sms;

import org.vendinghub.domain.ValidationException;

import java.util.regex.Pattern;

/**
 * One SMS to one phone: the body the hub sends to {@code direct:sms-send}.
 *
 * @param to        the recipient in E.164 form, {@code +} and 8 to 15 digits ({@code +254712345678})
 * @param text      what the phone shows, 1 to 918 characters (six concatenated GSM-7 parts); it may carry a
 *                  token, so it is never logged
 * @param reference our id for this message (e.g. the vend id), for logs and support
 */
public record SmsMessage(String to, String text, String reference) {

    public static final int TEXT_LENGTH_MAX = 918;

    private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");

    public SmsMessage {
        ValidationException.require(to != null && E164.matcher(to).matches(), "to",
                "SMS recipient must be in E.164 form: '+' and 8 to 15 digits, e.g. +254712345678");
        ValidationException.require(text != null && !text.isEmpty() && text.length() <= TEXT_LENGTH_MAX, "text",
                "SMS text must be 1 to " + TEXT_LENGTH_MAX + " characters");
        ValidationException.require(reference != null && !reference.isBlank(), "reference",
                "SMS reference is required: pass our id for it, e.g. the vend id");
    }

    /** Leaves the text out: it may carry a token. */
    @Override
    public String toString() {
        return "SmsMessage[to=" + to + ", text=(" + text.length() + " chars), reference=" + reference + "]";
    }
}

package org.vendinghub.connectors.sms;

/**
 * The gateway's acceptance of one SMS: the reply body of {@code direct:sms-send}.
 *
 * @param messageId  the gateway's id of the message ({@code ATXid_...}), to match delivery reports later
 * @param status     the gateway's word for it ({@code Success}, {@code Sent}, {@code Queued}...)
 * @param statusCode 100 (processed), 101 (sent) or 102 (queued)
 * @param cost       what the gateway charged, as it wrote it ({@code KES 0.8000}); empty when not given
 */
public record SmsReceipt(String messageId, String status, int statusCode, String cost) {
}

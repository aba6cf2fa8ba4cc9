package org.vendinghub.vend;

/** The headers of vend messages. Java identifiers without the Camel prefix, so they survive JMS. */
public final class VendHeaders {

    public static final String VEND_ID = "VendId";
    public static final String METER_NO = "VendMeterNo";
    /** Artemis message groups: one meter's vends go to one consumer at a time, in order. */
    public static final String GROUP = "JMSXGroupID";
    /** The node whose channel waits for the vend ({@link VendReplies}). */
    public static final String REPLY_TO = "VendReplyTo";
    /** Set by the issue step: where the vend stands after it (ISSUED when its tokens exist). */
    public static final String STATUS = "VendStatus";
    /** Set after the saga: the failed vend's money was taken by a provider and must be refunded. */
    public static final String REFUND_DUE = "VendRefundDue";
    /** Set by the issue step (or after the saga): the issued vend's tokens are to be sent by SMS or e-mail. */
    public static final String DELIVERY_DUE = "VendDeliveryDue";

    private VendHeaders() {
    }
}

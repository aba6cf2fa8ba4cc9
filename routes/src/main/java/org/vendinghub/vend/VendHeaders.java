package org.vendinghub.vend;

import java.util.HexFormat;

/** The headers of vend messages. Java identifiers without the Camel prefix, so they survive JMS. */
public final class VendHeaders {

    public static final String VEND_ID = "VendId";
    public static final String METER_NO = "VendMeterNo";
    /** Artemis message groups: one meter's vends go to one consumer at a time, in order ({@link #groupOf}). */
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

    /**
     * The message group of a meter's vend commands: the same for every vend of the meter, and spread evenly over the
     * broker's group buckets. Artemis picks a bucket from the low bits of its own hash of the group id, which sequential
     * meter numbers share: 1,000 consecutive numbers as group ids filled 407 of its 4,096 buckets, up to 8 meters in one,
     * and the consumer that held 16 of them fell seconds behind at full load. Mixed first, they fill about 890, at most 3
     * in one.
     */
    public static String groupOf(String meterNumber) {
        int h = meterNumber.hashCode();
        // MurmurHash3's 32-bit finaliser: each bit of the input changes about half of the output bits
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return HexFormat.of().toHexDigits(h);
    }
}

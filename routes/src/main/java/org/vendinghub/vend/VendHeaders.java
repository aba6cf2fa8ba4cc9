package org.vendinghub.vend;

/** The headers of vend messages. Java identifiers without the Camel prefix, so they survive JMS. */
public final class VendHeaders {

    public static final String VEND_ID = "VendId";
    public static final String METER_NO = "VendMeterNo";
    /** Artemis message groups: one meter's vends go to one consumer at a time, in order. */
    public static final String GROUP = "JMSXGroupID";

    private VendHeaders() {
    }
}

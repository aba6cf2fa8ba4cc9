package org.vendinghub.domain;

/**
 * A payment channel's own reference for a request (M-Pesa TransID, MoMo X-Reference-Id, XMLVend uniqueNumber…).
 * Together with the channel it is the idempotency key of a vend.
 */
public record ChannelRef(String channel, String reference) {

    public ChannelRef {
        ValidationException.require(channel != null && channel.matches("[A-Z][A-Z0-9_]{1,31}"), "channel",
                "channel must be 2 to 32 capital letters, digits or underscores");
        ValidationException.require(reference != null && !reference.isBlank() && reference.length() <= 128, "channelRef",
                "channel reference must be 1 to 128 characters");
    }
}

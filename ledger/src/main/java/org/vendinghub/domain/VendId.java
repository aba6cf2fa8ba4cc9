package org.vendinghub.domain;

import java.util.UUID;

/** The hub's own id of one vend, generated once at the channel edge and persisted before anything else. */
public record VendId(UUID value) {

    public VendId {
        ValidationException.require(value != null, "vendId", "vend id is required");
    }

    public static VendId parse(String text) {
        try {
            return new VendId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("vendId", "vend id must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

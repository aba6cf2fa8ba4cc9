package org.vendinghub.vend;

import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.domain.ValidationException;

/**
 * An operator's request for tokens that move no money: management tokens (clear credit, clear tamper, power limit),
 * free units (free basic electricity), or only the key-change tokens a changed meter is due.
 *
 * @param value watts for MAX_POWER_LIMIT, tenths of kWh for FREE_UNITS, the register for CLEAR_CREDIT (0xFFFF = all)
 */
public record EngineeringRequest(ChannelRef channelRef, String meterNumber, Type type, long value, String operator, String reason) {

    public enum Type { CLEAR_CREDIT, CLEAR_TAMPER, MAX_POWER_LIMIT, FREE_UNITS, KEY_CHANGE }

    public EngineeringRequest {
        ValidationException.require(channelRef != null, "clientRef", "a client reference is required");
        meterNumber = new MeterNumber(meterNumber).value();
        ValidationException.require(type != null, "type", "the token type is required: one of CLEAR_CREDIT, CLEAR_TAMPER, "
                + "MAX_POWER_LIMIT, FREE_UNITS, KEY_CHANGE");
        ValidationException.require(operator != null && !operator.isBlank(), "operator", "the operator is required");
        ValidationException.require(reason != null && !reason.isBlank() && reason.length() <= 200, "reason",
                "a reason of 1 to 200 characters is required");
        ValidationException.require(type != Type.MAX_POWER_LIMIT || (value > 0 && value <= 18_201_624), "value",
                "the power limit must be 1 to 18201624 W");
        ValidationException.require(type != Type.FREE_UNITS || (value > 0 && value <= 18_201_624), "value",
                "free units must be 1 to 18201624 tenths of a unit");
        ValidationException.require(type != Type.CLEAR_CREDIT || (value >= 0 && value <= 7) || value == 0xFFFF, "value",
                "the register must be 0 to 7, or 65535 for all registers");
    }

    /** What makes a replay of the same request the same request. */
    String canonical() {
        return String.join("|", channelRef.channel(), meterNumber, type.name(), Long.toString(value), reason);
    }
}

package org.vendinghub.domain;

/** Energy (kWh) or water (m³) in tenths, the resolution of an STS credit token. */
public record Units(long tenths) {

    public Units {
        ValidationException.require(tenths >= 0, "units", "units must not be negative");
    }

    public static Units ofTenths(long tenths) {
        return new Units(tenths);
    }

    @Override
    public String toString() {
        return (tenths / 10) + "." + (tenths % 10);
    }
}

package org.vendinghub.connectors.momo;

import org.springframework.stereotype.Component;

/** The MoMo settings in force: {@code hub.momo.*}, re-pointable at run time (tests point them at WireMock). */
@Component
public class MomoSettings {

    private final MomoProperties configured;
    private volatile MomoProperties current;

    public MomoSettings(MomoProperties configured) {
        this.configured = configured;
        this.current = configured;
    }

    public MomoProperties current() {
        return current;
    }

    public void override(MomoProperties properties) {
        this.current = properties;
    }

    public void reset() {
        this.current = configured;
    }
}

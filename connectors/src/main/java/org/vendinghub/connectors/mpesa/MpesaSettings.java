package org.vendinghub.connectors.mpesa;

import org.springframework.stereotype.Component;

/**
 * The Daraja settings in force. They come from {@code hub.mpesa.*}; tests (which share one hub per JVM) point them at a
 * WireMock server at run time with {@link #override} and put them back with {@link #reset}.
 */
@Component
public class MpesaSettings {

    private final MpesaProperties configured;
    private volatile MpesaProperties current;

    public MpesaSettings(MpesaProperties configured) {
        this.configured = configured;
        this.current = configured;
    }

    public MpesaProperties current() {
        return current;
    }

    /** For tests and run-time re-configuration: every call from now on uses {@code properties}. */
    public void override(MpesaProperties properties) {
        this.current = properties;
    }

    public void reset() {
        this.current = configured;
    }
}

package org.vendinghub.pos;

import java.security.Principal;

/**
 * Who is calling the POS API: always an authenticated terminal (and so its vendor), and when the request carries a
 * live operator session, the cashier signed in on it. Never a hub user.
 */
public record PosCaller(long terminalPk, String terminalId, long vendorId, Long cashierId, String cashierLogin,
                        String cashierName, String sessionHash) implements Principal {

    /** The header that carries the operator session token from POST /api/pos/v1/sessions. */
    public static final String SESSION_HEADER = "X-POS-Session";
    /** The header in which a terminal reports its app version on every call. */
    public static final String APP_VERSION_HEADER = "X-POS-App-Version";
    /** Sent back when terminal management wants the terminal on another app version. */
    public static final String WANTED_VERSION_HEADER = "X-POS-Wanted-App-Version";

    static final String TERMINAL = "POS_TERMINAL";
    static final String OPERATOR = "POS_OPERATOR";

    static PosCaller terminal(long terminalPk, String terminalId, long vendorId) {
        return new PosCaller(terminalPk, terminalId, vendorId, null, null, null, null);
    }

    boolean signedIn() {
        return cashierId != null;
    }

    /** The vend's operator and the audit actor: terminal and cashier, e.g. "POS-0042/jane" (at most 57 characters). */
    String operator() {
        return signedIn() ? terminalId + "/" + cashierLogin : terminalId;
    }

    @Override
    public String getName() {
        return "pos:" + operator();
    }
}

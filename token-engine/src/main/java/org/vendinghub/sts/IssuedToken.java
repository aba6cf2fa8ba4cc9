package org.vendinghub.sts;

/**
 * One issued token.
 *
 * @param token      the 20 digits
 * @param tokenClass 0, 1 or 2
 * @param subclass   0..15
 * @param tid        the TID, or -1 for tokens without one (class 1, key change)
 * @param rnd        the RND, or -1 where the token has none
 * @param value      what the meter will apply, after rounding up: 0.1 units or 10^-5 currency for
 *                   credit, watts for MPL/MPPUL, the raw field otherwise; 0 for class 1 and key change
 * @param testToken  true when made with the STA sample tables: no real meter accepts it
 */
public record IssuedToken(String token, int tokenClass, int subclass, long tid, int rnd, long value,
        boolean testToken) {

    public boolean hasTid() {
        return tid >= 0;
    }
}

package org.vendinghub.sts;

/**
 * What to put in a token. TIDs are allocated by the caller (per meter, strictly increasing, see
 * {@link org.vendinghub.sts.token.Tid#next(long, long)}); RND is chosen at random when negative.
 */
public sealed interface TokenRequest
        permits CreditTokenRequest, ManagementTokenRequest, MeterTestTokenRequest, KeyChangeRequest {

    /** RND value meaning "choose at random". */
    int RANDOM_RND = -1;

    static void checkRnd(int rnd) {
        if (rnd < RANDOM_RND || rnd > 15) {
            throw new IllegalArgumentException("RND must be 0..15 (or -1 for random), not " + rnd);
        }
    }
}

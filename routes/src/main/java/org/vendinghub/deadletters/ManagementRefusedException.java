package org.vendinghub.deadletters;

/** The broker refused a management operation (no such queue, no permission): its own words are in the message (HTTP 409). */
public class ManagementRefusedException extends RuntimeException {

    ManagementRefusedException(String what, String reason) {
        super("the broker refused " + what + ": " + reason);
    }
}

package org.vendinghub.ledger;

/** The thing named in the request does not exist (HTTP 404). */
public class NotFoundException extends LedgerRejection {

    public NotFoundException(ResultCode code, String message) {
        super(code, message);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(ResultCode.NOT_FOUND, what + " " + id + " not found");
    }
}

package org.vendinghub.deadletters;

/** The broker is down, unreachable or too slow to answer a management call: try again later (HTTP 503). */
public class BrokerUnavailableException extends RuntimeException {

    BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

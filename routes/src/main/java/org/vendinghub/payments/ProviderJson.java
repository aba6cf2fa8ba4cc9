package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Reads a provider's body leniently: anything that is not JSON is a missing node. */
final class ProviderJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }
}

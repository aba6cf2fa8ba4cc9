package org.vendinghub.connectors.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;

/**
 * One HTTP exchange with a payment provider over the JDK client, with the network faults already sorted into
 * {@link TransientException}s: {@code <PREFIX>_CONNECT_TIMEOUT}, {@code <PREFIX>_TIMEOUT} (the request may or may not
 * have been processed), {@code <PREFIX>_IO}, {@code <PREFIX>_INTERRUPTED}. The HTTP status is the caller's to judge.
 * Provider texts are shortened and scrubbed of the secrets given, so they can go into messages.
 */
public final class ProviderHttp {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final int TEXT_MAX = 200;

    private final HttpClient http;
    private final String prefix;

    public ProviderHttp(String prefix, Duration connectTimeout) {
        this.prefix = prefix;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new TransientException(prefix + "_CONNECT_TIMEOUT", "could not connect to " + request.uri().getHost()
                    + " for " + what + "; nothing was sent", e);
        } catch (HttpTimeoutException e) {
            throw new TransientException(prefix + "_TIMEOUT", request.uri().getHost() + " did not answer " + what
                    + " in time; it may or may not have been processed", e);
        } catch (IOException e) {
            throw new TransientException(prefix + "_IO", "could not reach " + request.uri().getHost() + " for " + what + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(prefix + "_INTERRUPTED", "interrupted during " + what + " (the hub is stopping?)", e);
        }
    }

    /** The body as JSON; a missing node when it is empty or not JSON. */
    public static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** The provider's own words, one line, at most 200 characters, with every given secret blanked. */
    public static String providerText(String text, Collection<String> secrets) {
        String shown = text == null || text.isBlank() ? "(no text)" : text.strip().replaceAll("\\s+", " ");
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                shown = shown.replace(secret, "***");
            }
        }
        return shown.length() <= TEXT_MAX ? shown : shown.substring(0, TEXT_MAX) + "...";
    }
}

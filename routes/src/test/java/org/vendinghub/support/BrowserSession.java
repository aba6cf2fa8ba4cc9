package org.vendinghub.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a browser does: cookies, the login form with its CSRF token, and Hawtio's X-XSRF-TOKEN header. */
public final class BrowserSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public BrowserSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the login form; returns the status of the form post (302 on success). */
    public HttpResponse<String> logIn(String username, String password) {
        HttpResponse<String> form = get("/login");
        Matcher csrf = CSRF_FIELD.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("login page has no CSRF field");
        }
        String body = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/json").GET().build());
    }

    /** A JSON post as Hawtio's Jolokia client sends it, with or without the token from the XSRF-TOKEN cookie. */
    public HttpResponse<String> postJson(String path, String json, boolean withXsrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withXsrfHeader) {
            request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
        return send(request.build());
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no cookie " + name));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

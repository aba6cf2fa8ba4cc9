package org.vendinghub.console;


import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in browser over plain HTTP: cookies, the login form, and form posts with the CSRF token. */
final class ConsoleClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private ConsoleClient(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in and fails unless the hub sends the browser on into the console. */
    static ConsoleClient signedIn(int port, String username, String password) {
        ConsoleClient browser = new ConsoleClient(port);
        HttpResponse<String> response = browser.logIn(username, password);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(username + " could not sign in: " + response.statusCode() + " " + location);
        }
        return browser;
    }

    static ConsoleClient anonymous(int port) {
        return new ConsoleClient(port);
    }

    HttpResponse<String> logIn(String username, String password) {
        return logIn(username, password, Map.of());
    }

    /** Signs in through the login form with extra fields (the page to go back to: {@code next}). */
    HttpResponse<String> logIn(String username, String password, Map<String, String> extra) {
        Matcher csrf = CSRF_FIELD.matcher(get("/login").body());
        if (!csrf.find()) {
            throw new IllegalStateException("login page has no CSRF field");
        }
        Map<String, String> fields = new java.util.HashMap<>(extra);
        fields.putAll(Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    /** A GET as htmx sends it from the page {@code currentPath}: HX-Request and HX-Current-URL, any content. */
    HttpResponse<String> htmxGet(String path, String currentPath) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "*/*").header("HX-Request", "true")
                .header("HX-Current-URL", base + currentPath).GET().build());
    }

    /** What the browser holds after the hub forgot its session (timed out, or the hub restarted): a session id it no longer knows. */
    void loseSession() {
        HttpCookie session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
        HttpCookie stale = new HttpCookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF");
        stale.setPath(session.getPath());
        stale.setVersion(0);
        URI uri = URI.create(base);
        cookies.getCookieStore().remove(uri, session);
        cookies.getCookieStore().add(uri, stale);
    }

    /** A form post as the browser sends it, with the CSRF token of this session. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        body.add(form(fields));
        body.add("_csrf=" + enc(cookie("XSRF-TOKEN")));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A post with repeated fields (check boxes), given as "name=value" pairs. */
    HttpResponse<String> post(String path, String... pairs) {
        StringJoiner body = new StringJoiner("&");
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            body.add(enc(pair.substring(0, eq)) + "=" + enc(pair.substring(eq + 1)));
        }
        body.add("_csrf=" + enc(cookie("XSRF-TOKEN")));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    String cookie(String name) {
        if (cookies.getCookieStore().getCookies().stream().noneMatch(c -> c.getName().equals(name))) {
            get("/console"); // the CSRF cookie is (re)issued on every request
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no cookie " + name));
    }

    private static String form(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        return body.toString();
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

package org.vendinghub.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vendinghub.VendingHubApplication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A whole hub started in this JVM with its own arguments, for tests about start, restart and configuration. */
public final class RunningHub implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpClient client = HttpClient.newHttpClient();

    private RunningHub(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningHub start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--hub.heartbeat.period-ms=300", "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false", "--management.endpoints.jmx.exposure.exclude=*"));
        all.addAll(List.of(args));
        return new RunningHub(new SpringApplicationBuilder(VendingHubApplication.class).run(all.toArray(String[]::new)));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public HttpResponse<String> get(String path, String username, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).header("Accept", "*/*");
        if (username != null) {
            String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}

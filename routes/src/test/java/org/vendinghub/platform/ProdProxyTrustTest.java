package org.vendinghub.platform;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.embedded.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the prod profile lets say who the client is. Tomcat's default trusts X-Forwarded-For from every private address,
 * which would let any machine inside the network pose as Safaricom or MTN to the callback allow-lists. The prod profile
 * trusts nobody until the load balancer is named.
 */
class ProdProxyTrustTest {

    private static final String LOAD_BALANCER = "10.0.0.7";
    private static final String SAFARICOM = "196.201.214.200";

    @Test
    void the_prod_profile_ignores_x_forwarded_for_from_a_private_address_that_was_not_named() throws Exception {
        assertThat(clientAddressSeenByTheHub(Map.of())).isEqualTo(LOAD_BALANCER);
    }

    @Test
    void the_named_load_balancer_tells_the_hub_the_client_address() throws Exception {
        Map<String, Object> named = Map.of("server.tomcat.remoteip.internal-proxies", "10\\.0\\.0\\.7");

        assertThat(clientAddressSeenByTheHub(named)).isEqualTo(SAFARICOM);
    }

    /** A request from {@link #LOAD_BALANCER} saying it forwards {@link #SAFARICOM}, through prod's Tomcat valves. */
    private static String clientAddressSeenByTheHub(Map<String, Object> deployment) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml")).forEach(env.getPropertySources()::addLast);
        env.getPropertySources().addFirst(new MapPropertySource("deployment", deployment));
        ServerProperties server = Binder.get(env).bind("server", ServerProperties.class).get();
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new TomcatWebServerFactoryCustomizer(env, server).customize(factory);
        RemoteIpValve valve = (RemoteIpValve) factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance)
                .findFirst().orElseThrow(() -> new AssertionError("prod reads forwarded headers through Tomcat's RemoteIpValve"));

        Request request = new Request(new Connector());
        request.setCoyoteRequest(new org.apache.coyote.Request());
        request.setRemoteAddr(LOAD_BALANCER);
        request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(SAFARICOM);
        String[] seen = new String[1];
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request r, Response response) {
                seen[0] = r.getRemoteAddr();
            }
        });
        valve.invoke(request, null);
        return seen[0];
    }
}

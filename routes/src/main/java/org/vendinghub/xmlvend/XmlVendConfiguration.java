package org.vendinghub.xmlvend;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import java.util.Map;

/**
 * Publishes the XMLVend 2.1 service at {@code /services/xmlvend} (CXF servlet at {@code cxf.path=/services}), WSDL at
 * {@code ?wsdl}, with schema validation of every request and the fault mapper on the fault chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(XmlVendProperties.class)
class XmlVendConfiguration {

    static final String PATH = "/xmlvend";

    @Bean
    EndpointImpl xmlVendEndpoint(Bus bus, XmlVendEndpoint implementor, XmlVendFaults faults, XmlVendResponses responses) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementor);
        endpoint.setWsdlLocation("classpath:wsdl/xmlvend21/XMLVendService21.wsdl");
        endpoint.getInInterceptors().add(new XmlVendNamespaceTolerance());
        endpoint.getInInterceptors().add(new XmlVendNamespaceTolerance.IgnoreSoapAction());
        endpoint.setProperties(Map.of("schema-validation-enabled", "IN"));
        endpoint.getOutFaultInterceptors().add(new XmlVendFaultMapper(faults, responses.context()));
        endpoint.publish(PATH);
        return endpoint;
    }

    @Bean
    XmlVendEndpoint xmlVendImplementor(XmlVendClients clients, XmlVendSales sales, XmlVendAdvice advice, XmlVendCustomers customers,
                                       XmlVendQuotes quotes, XmlVendReprints reprints, XmlVendEngineering engineering,
                                       XmlVendFaults faults) {
        return new XmlVendEndpoint(clients, sales, advice, customers, quotes, reprints, engineering, faults);
    }

    /**
     * XMLVend clients authenticate inside the message (clientID, terminalID, authCred; optionally a TLS client
     * certificate), not with a hub user: this chain lets exactly /services/xmlvend through to that check
     * (XmlVendClients) and to its WSDL. Every other /services path stays behind the hub's own chain.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain xmlVendSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(request -> "/services/xmlvend".equals(request.getRequestURI()))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable()) // no cookies or sessions here: nothing a browser could forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new XmlVendGetFilter(), AuthorizationFilter.class);
        return http.build();
    }
}

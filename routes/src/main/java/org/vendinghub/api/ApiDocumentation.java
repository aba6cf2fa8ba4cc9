package org.vendinghub.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's OpenAPI document (served at /v3/api-docs, browsable at /swagger-ui.html, both behind sign-in). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basic";

    @Bean
    OpenAPI vendingHubOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vending Hub API").version("v1")
                        .description("""
                                Administration of a prepaid-electricity vending hub: supply groups and vending keys, \
                                tariffs, customers, meters, debts, vendors with their float, agents, vendor groups and \
                                ledger accounts.

                                * Sign in with HTTP Basic; every operation names the permission it needs \
                                (`@PreAuthorize` is checked on the server).
                                * JSON in and out. Money is `{"amountMinor": 1050, "currency": "KES"}` (minor units, \
                                never a fraction); energy is `unitsTenths`.
                                * Lists are paged: `?page=0&size=20` (size 1 to 200) and answer \
                                `{items, page, size, totalItems, totalPages}`.
                                * Errors are RFC 7807 problems (`application/problem+json`) with `code` (the ledger's \
                                result code) and `errors: [{field, message}]` for bad input.""")
                        .license(new License().name("Open source")))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("a hub user name and password")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}

package org.vendinghub.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's OpenAPI document (served at /v3/api-docs, browsable at /swagger-ui.html, both behind sign-in). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basic";
    static final String PROBLEM = "Problem";
    private static final Map<String, String> PROBLEM_ANSWERS = Map.of(
            "400", "Bad input; errors name each field",
            "403", "The user's groups lack the permission",
            "404", "Not found",
            "409", "Conflicts with what is recorded (code says what)",
            "422", "Refused by the ledger (code says why)");

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

    /** Every operation under /api may answer these problems; documented once here instead of on each handler. */
    @Bean
    OpenApiCustomizer problemResponses() {
        Content content = new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        return api -> {
            problemSchemas().forEach(api.getComponents()::addSchemas); // after springdoc's own schemas, which replace the map
            api.getPaths().entrySet().stream().filter(path -> path.getKey().startsWith("/api/"))
                    .flatMap(path -> path.getValue().readOperations().stream())
                    .forEach(operation -> PROBLEM_ANSWERS.forEach((status, description) -> operation.getResponses()
                            .putIfAbsent(status, new ApiResponse().description(description).content(content))));
        };
    }

    /** The problem body as springdoc itself would describe it (OpenAPI 3.1, the version springdoc 2.8 serves). */
    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> problemSchemas() {
        ResolvedSchema resolved = ModelConverters.getInstance(true).readAllAsResolvedSchema(new AnnotatedType(ProblemDocument.class));
        Map<String, Schema> schemas = new LinkedHashMap<>(resolved.referencedSchemas);
        schemas.put(PROBLEM, resolved.schema);
        return schemas;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = PROBLEM, description = "RFC 7807 problem details")
    record ProblemDocument(
            @io.swagger.v3.oas.annotations.media.Schema(example = "urn:vendinghub:problem:invalid-request") String type,
            @io.swagger.v3.oas.annotations.media.Schema(example = "Bad Request") String title,
            @io.swagger.v3.oas.annotations.media.Schema(example = "400") int status,
            @io.swagger.v3.oas.annotations.media.Schema(example = "amount.amountMinor: amount must be positive") String detail,
            @io.swagger.v3.oas.annotations.media.Schema(example = "/api/v1/vendors/7/deposits") String instance,
            @io.swagger.v3.oas.annotations.media.Schema(nullable = true, description = "the ledger's result code, e.g. EXCEEDS_CREDITS") String code,
            List<FieldError> errors) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ProblemField", description = "one offending input")
    record FieldError(@io.swagger.v3.oas.annotations.media.Schema(nullable = true, example = "amount.amountMinor") String field,
                      @io.swagger.v3.oas.annotations.media.Schema(example = "amount must be positive") String message) {
    }
}

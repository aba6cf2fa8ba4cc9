package org.vendinghub.pos;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;

import java.util.List;

/**
 * The POS terminal API in the OpenAPI document: its own two security schemes (terminal credentials, and the cashier's
 * session header on top for operator calls, read from each handler's {@code @PreAuthorize}), and its 401/403 answers.
 */
@Configuration(proxyBeanMethods = false)
class PosApiDocumentation {

    static final String TERMINAL = "posTerminal";
    static final String SESSION = "posSession";

    @Bean
    OperationCustomizer posOperationSecurity() {
        return (operation, handler) -> {
            PreAuthorize rule = handler.getMethodAnnotation(PreAuthorize.class);
            if (rule != null && rule.value().contains(PosCaller.OPERATOR)) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(TERMINAL).addList(SESSION)));
            } else if (rule != null && rule.value().contains(PosCaller.TERMINAL)) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(TERMINAL)));
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer posSecuritySchemes() {
        Content problem = new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
        return api -> {
            api.getComponents()
                    .addSecuritySchemes(TERMINAL, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("the terminal's id and secret (or, instead or as well, its registered TLS client certificate)"))
                    .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                            .name(PosCaller.SESSION_HEADER).description("the session token of the cashier signed in on this terminal"));
            api.getPaths().entrySet().stream().filter(path -> path.getKey().startsWith("/api/pos/"))
                    .flatMap(path -> path.getValue().readOperations().stream())
                    .forEach(operation -> {
                        operation.getResponses().put("401", new ApiResponse().content(problem).description("Terminal credentials "
                                + "missing or wrong, or the cashier's session missing, ended or expired (code says which)"));
                        operation.getResponses().put("403", new ApiResponse().content(problem).description("The terminal, its "
                                + "vendor or the cashier is disabled or locked (code says which)"));
                    });
        };
    }
}

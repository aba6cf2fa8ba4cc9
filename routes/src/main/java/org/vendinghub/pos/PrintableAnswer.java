package org.vendinghub.pos;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents a printable answer: plain text (?format=text) or ESC/POS bytes (?format=escpos). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "The slip: one line per printed line, or ESC/POS bytes ready for the printer",
        content = {@Content(mediaType = "text/plain", schema = @Schema(type = "string")),
                   @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
@interface PrintableAnswer {
}

package org.vendinghub.pos;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.vendinghub.domain.ValidationException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A slip a terminal prints: a receipt or a shift report, at 32 or 48 columns, as text or ESC/POS. */
interface PosPrintable {

    MediaType TEXT = new MediaType("text", "plain", StandardCharsets.US_ASCII);

    List<String> text(int columns);

    byte[] escPos(int columns);

    /** {@code ?width=32|48&format=text|escpos}: text/plain (US-ASCII, one line per printed line) or ESC/POS bytes. */
    static ResponseEntity<byte[]> answer(PosPrintable slip, int width, String format) {
        ValidationException.require(width == 32 || width == 48, "width", "printers have 32 or 48 columns: width must be 32 or 48");
        if ("escpos".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(slip.escPos(width));
        }
        ValidationException.require("text".equalsIgnoreCase(format), "format", "format must be text or escpos");
        return ResponseEntity.ok().contentType(TEXT).body((String.join("\n", slip.text(width)) + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}

package org.vendinghub.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The paging query parameters of every list: {@code ?page=0&size=20}. Bind it with
 * {@code @Valid @ParameterObject PageParams paging}; out-of-range values are 400 problems naming the parameter.
 */
public record PageParams(
        @Schema(description = "page number, from 0", defaultValue = "0") @Min(value = 0, message = "page must be 0 or more") Integer page,
        @Schema(description = "items per page, 1 to " + PageParams.SIZE_MAX, defaultValue = "" + PageParams.SIZE_DEFAULT)
        @Min(value = 1, message = "size must be 1 to " + PageParams.SIZE_MAX)
        @Max(value = SIZE_MAX, message = "size must be 1 to " + PageParams.SIZE_MAX) Integer size) {

    public static final int SIZE_DEFAULT = 20;
    public static final int SIZE_MAX = 200;

    /** Pages ordered by {@code sort}; lists use a stable order (normally the id) so that pages never overlap. */
    public Pageable pageable(Sort sort) {
        return PageRequest.of(page == null ? 0 : page, size == null ? SIZE_DEFAULT : size, sort);
    }

    /** Pages in the order the query itself defines (statements: oldest first). */
    public Pageable pageable() {
        return pageable(Sort.unsorted());
    }
}

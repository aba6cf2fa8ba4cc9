package org.vendinghub.sts.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vendinghub.sts.BaseDate;

/** TID rules: STS_REFERENCE.md 3.5 (rollover dates, reserved minute, CTSA09 step 2). */
class TidTest {

    @ParameterizedTest
    @CsvSource({"1993, 2024-11-24T20:15", "2014, 2045-11-24T20:15", "2035, 2066-11-24T20:15"})
    void last_tid_of_each_base_date(int year, String last) {
        BaseDate base = BaseDate.of(year);
        assertThat(Tid.of(LocalDateTime.parse(last), base)).isEqualTo(Tid.MAX);
        assertThat(Tid.toDateTime(Tid.MAX, base)).isEqualTo(LocalDateTime.parse(last));
        assertThat(Tid.of(base.start(), base)).isZero();
    }

    @Test
    void beyond_the_range_of_the_base_date_is_refused() {
        assertThatThrownBy(() -> Tid.of(LocalDateTime.parse("2024-11-24T20:16"), BaseDate.Y1993))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("date 2024-11-24T20:16 is beyond the TID range of base date 1993 (last: 2024-11-24T20:15)");
        assertThatThrownBy(() -> Tid.of(LocalDateTime.parse("2013-12-31T23:59"), BaseDate.Y2014))
                .hasMessage("date 2013-12-31T23:59 is before base date 2014-01-01");
    }

    @Test
    void the_reserved_minute_moves_to_0002() {
        long tid = Tid.of(LocalDateTime.parse("2004-03-29T00:01"), BaseDate.Y1993);
        assertThat(tid).isEqualTo(Tid.of(LocalDateTime.parse("2004-03-29T00:02"), BaseDate.Y1993));
        assertThat(tid % 1440).isEqualTo(2);
        assertThat(Tid.of(LocalDateTime.parse("2004-03-29T00:00:59"), BaseDate.Y1993) % 1440).isZero();
        assertThatThrownBy(() -> Tid.validate(1441)).hasMessage("TID 1441 falls on the reserved minute 00:01");
        assertThatThrownBy(() -> Tid.validate(1L << 24)).hasMessage("TID must be 0..16777215, not 16777216");
    }

    @Test
    void next_is_strictly_increasing_and_skips_the_reserved_minute() {
        assertThat(Tid.next(100, 50)).isEqualTo(100);
        assertThat(Tid.next(100, 100)).isEqualTo(101);
        assertThat(Tid.next(100, 200)).isEqualTo(201);
        assertThat(Tid.next(1441, 10)).isEqualTo(1442);
        assertThat(Tid.next(0, 1440)).isEqualTo(1442);
        assertThat(Tid.next(5, -1)).isEqualTo(5);
        assertThatThrownBy(() -> Tid.next(0, Tid.MAX)).hasMessage("TID 16777216 exceeds the 24-bit maximum 16777215");
    }
}

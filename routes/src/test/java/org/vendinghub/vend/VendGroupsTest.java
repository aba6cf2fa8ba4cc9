package org.vendinghub.vend;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.junit.jupiter.api.Test;
import org.vendinghub.domain.MeterNumber;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meter's vend commands share one message group, and sequential meter numbers spread over the broker's group buckets
 * (4,096 in config/artemis/broker.properties), which Artemis picks from its own hash of the group id.
 */
class VendGroupsTest {

    private static final int BUCKETS = 4096;

    /** Numbered like the demo's meters and many a utility's: consecutive, with a Luhn check digit. */
    private final List<String> sequentialMeters = IntStream.rangeClosed(1, 1000).mapToObj(i -> String.format("%010d", i))
            .map(payload -> payload + MeterNumber.luhnCheckDigit(payload)).toList();

    @Test
    void every_vend_of_a_meter_is_in_the_same_group_and_neighbouring_meters_are_not() {
        assertThat(VendHeaders.groupOf("00000000018")).isEqualTo(VendHeaders.groupOf("00000000018"))
                .isNotEqualTo(VendHeaders.groupOf("00000000026"));
        assertThat(sequentialMeters.stream().map(VendHeaders::groupOf).distinct().count()).isEqualTo(1000);
    }

    @Test
    void a_thousand_sequential_meters_spread_over_the_brokers_buckets_with_at_most_three_in_one() {
        Map<Integer, Integer> byNumber = bucketLoad(sequentialMeters);
        assertThat(byNumber.size()).as("the meter numbers themselves crowd into few buckets").isLessThan(500);
        assertThat(byNumber.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThanOrEqualTo(8);

        Map<Integer, Integer> byGroup = bucketLoad(sequentialMeters.stream().map(VendHeaders::groupOf).toList());
        assertThat(byGroup.size()).isGreaterThan(850); // 4,096 × (1 − e^(−1000/4096)) ≈ 885 for a uniform hash
        assertThat(byGroup.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isLessThanOrEqualTo(3);
    }

    /** How many of the ids land in each bucket, the way Artemis's BucketMessageGroups picks the bucket. */
    private static Map<Integer, Integer> bucketLoad(List<String> groupIds) {
        Map<Integer, Integer> load = new HashMap<>();
        for (String id : groupIds) {
            load.merge((SimpleString.of(id).hashCode() & Integer.MAX_VALUE) % BUCKETS, 1, Integer::sum);
        }
        return load;
    }
}

package org.vendinghub.console;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import org.vendinghub.vend.VendView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A meter's vends, newest first and a page at a time, for the meter page: what was sold or issued, when and through
 * which channel, and what each token does. The token digits are not read here: showing them again is a reprint,
 * which goes through the audited reprint page.
 */
@Repository
class TokenHistory {

    record TokenLine(int seq, String kind, String description) {
    }

    record HistoryLine(String id, long receiptSeq, String channel, String purpose, String status, Long amountMinor, String currency,
                       Long unitsTenths, String failureCode, String createdBy, Instant createdAt, List<TokenLine> tokens) {
        public String receiptNo() {
            return VendView.receiptNo(receiptSeq);
        }

        public boolean hasTokens() {
            return !tokens.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    TokenHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One page of the meter's vends (index ix_vend_meter), each with its tokens' descriptions. */
    Page<HistoryLine> ofMeter(String meterNumber, Pageable page) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM vend WHERE meter_number = ?", Long.class, meterNumber);
        List<HistoryLine> rows = jdbc.query("SELECT id, seq, channel, purpose, status, amount_minor, currency, units_tenths, failure_code, "
                        + "created_by, created_at FROM vend WHERE meter_number = ? ORDER BY created_at DESC, seq DESC LIMIT ? OFFSET ?",
                (rs, row) -> new HistoryLine(rs.getString("id"), rs.getLong("seq"), rs.getString("channel"), rs.getString("purpose"),
                        rs.getString("status"), rs.getObject("amount_minor", Long.class), rs.getString("currency"),
                        rs.getObject("units_tenths", Long.class), rs.getString("failure_code"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), List.of()),
                meterNumber, page.getPageSize(), page.getOffset());
        return new PageImpl<>(withTokens(rows), page, total == null ? 0 : total);
    }

    private List<HistoryLine> withTokens(List<HistoryLine> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<TokenLine>> byVend = new HashMap<>();
        named.query("SELECT vend_id, seq, kind, description FROM vend_token WHERE vend_id IN (:ids) ORDER BY vend_id, seq",
                Map.of("ids", rows.stream().map(HistoryLine::id).toList()), rs -> {
                    byVend.computeIfAbsent(rs.getString("vend_id"), id -> new ArrayList<>())
                            .add(new TokenLine(rs.getInt("seq"), rs.getString("kind"), rs.getString("description")));
                });
        return rows.stream().map(r -> new HistoryLine(r.id(), r.receiptSeq(), r.channel(), r.purpose(), r.status(), r.amountMinor(),
                r.currency(), r.unitsTenths(), r.failureCode(), r.createdBy(), r.createdAt(), byVend.getOrDefault(r.id(), List.of()))).toList();
    }
}

package org.vendinghub.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/** Searches the audit trail, newest first, one page at a time. */
@Service
public class AuditSearch {

    public static final int PAGE_SIZE_MAX = 200;

    private final AuditEventRepository events;

    AuditSearch(AuditEventRepository events) {
        this.events = events;
    }

    /**
     * @param actor  exact user name, or blank for any
     * @param action exact action (e.g. {@code LOGIN_FAILED}), or blank for any
     * @param text   found anywhere in the subject or the detail, or blank
     * @param from   inclusive, or null
     * @param to     exclusive, or null
     */
    public record Query(String actor, String action, String text, Instant from, Instant to) {
    }

    @Transactional(readOnly = true)
    public Page<AuditEvent> search(Query query, int pageNumber, int pageSize) {
        if (pageSize < 1 || pageSize > PAGE_SIZE_MAX) {
            throw new IllegalArgumentException("page size must be 1.." + PAGE_SIZE_MAX + ", was " + pageSize);
        }
        Pageable page = PageRequest.of(Math.max(0, pageNumber), pageSize, Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id")));
        return events.findAll(matching(query), page);
    }

    @Transactional(readOnly = true)
    public List<String> actions() {
        return events.actions();
    }

    private static Specification<AuditEvent> matching(Query q) {
        return (root, cq, cb) -> {
            var predicate = cb.conjunction();
            if (notBlank(q.actor())) {
                predicate = cb.and(predicate, cb.equal(root.get("actor"), q.actor().trim()));
            }
            if (notBlank(q.action())) {
                predicate = cb.and(predicate, cb.equal(root.get("action"), q.action().trim()));
            }
            if (notBlank(q.text())) {
                String like = "%" + escapeLike(q.text().trim()) + "%";
                predicate = cb.and(predicate, cb.or(cb.like(root.get("subject"), like, '\\'), cb.like(root.get("detail"), like, '\\')));
            }
            if (q.from() != null) {
                predicate = cb.and(predicate, cb.greaterThanOrEqualTo(root.get("at"), q.from()));
            }
            if (q.to() != null) {
                predicate = cb.and(predicate, cb.lessThan(root.get("at"), q.to()));
            }
            return predicate;
        };
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package org.vendinghub.platform;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.vendinghub.embedded.EmbeddedMariaDb;

/** Turns a refused start into one line saying what is wrong and one saying what to set. */
public class HubStartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HubStartupException startup) {
                return new FailureAnalysis("Vending Hub did not start: " + startup.problem(), "To fix: " + startup.fix(), startup);
            }
            if (t instanceof EmbeddedMariaDb.EmbeddedDatabaseException embedded) {
                return new FailureAnalysis("Vending Hub did not start: " + StartupPreflight.oneLine(embedded.getMessage()),
                        "To fix: set HUB_DATA_DIR to a writable directory, or SPRING_DATASOURCE_URL to an external MariaDB", embedded);
            }
        }
        return null;
    }
}

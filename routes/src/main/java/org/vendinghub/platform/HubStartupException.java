package org.vendinghub.platform;

/** The hub cannot start with this configuration; {@link #problem} says what is wrong, {@link #fix} what to set. */
public class HubStartupException extends RuntimeException {

    private final String problem;
    private final String fix;

    public HubStartupException(String problem, String fix) {
        this(problem, fix, null);
    }

    public HubStartupException(String problem, String fix, Throwable cause) {
        super(problem + " — " + fix, cause);
        this.problem = problem;
        this.fix = fix;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}

package org.vendinghub.sts.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code --name value} (or {@code --name=value}) options after a command word. */
final class Args {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> used = new TreeSet<>();

    Args(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() < 3) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new UsageException("option --" + a.substring(2) + " needs a value");
                }
                name = a.substring(2);
                value = args[++i];
            }
            if (options.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice");
            }
        }
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String get(String name) {
        String v = optional(name);
        if (v == null) {
            throw new UsageException("missing option --" + name);
        }
        return v;
    }

    String optional(String name) {
        used.add(name);
        return options.get(name);
    }

    String getOr(String name, String fallback) {
        String v = optional(name);
        return v == null ? fallback : v;
    }

    long longValue(String name) {
        return parseLong(name, get(name));
    }

    int intValue(String name) {
        return toInt(name, get(name));
    }

    int intOr(String name, int fallback) {
        String v = optional(name);
        return v == null ? fallback : toInt(name, v);
    }

    private static int toInt(String name, String v) {
        long n = parseLong(name, v);
        if (n != (int) n) {
            throw new IllegalArgumentException("option --" + name + " is out of range: " + v);
        }
        return (int) n;
    }

    /** Marks options as read without using them. */
    void ignore(String... names) {
        used.addAll(List.of(names));
    }

    /** Fails on options the command did not read. */
    void checkAllUsed() {
        for (String name : options.keySet()) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    private static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " must be an integer, not '" + v + "'");
        }
    }

    /** Wrong use of the tool: unknown command or option, missing or duplicated option. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}

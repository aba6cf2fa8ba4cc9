package org.vendinghub.sts.cli;

import java.util.List;

/** A one-line JSON object writer with fields in insertion order. */
final class Json {

    private final StringBuilder out = new StringBuilder("{");

    Json put(String name, String value) {
        key(name);
        quote(value);
        return this;
    }

    Json put(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    Json put(String name, boolean value) {
        key(name);
        out.append(value);
        return this;
    }

    Json put(String name, List<String> values) {
        key(name);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(values.get(i));
        }
        out.append(']');
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    private void key(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(name);
        out.append(':');
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}

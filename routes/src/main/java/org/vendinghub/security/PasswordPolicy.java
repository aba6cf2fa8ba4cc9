package org.vendinghub.security;

import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/** The rules every new password must meet. Answers with the first rule broken, in words a user understands. */
@Component
public class PasswordPolicy {

    /** bcrypt uses the first 72 bytes only; longer passwords would be silently cut. */
    static final int MAX_BYTES = 72;

    private final ConsoleSecurityProperties.Password rules;

    PasswordPolicy(ConsoleSecurityProperties properties) {
        this.rules = properties.password();
    }

    public int minLength() {
        return rules.minLength();
    }

    public Optional<String> violation(String username, String password) {
        if (password == null || password.length() < rules.minLength()) {
            return Optional.of("must be at least " + rules.minLength() + " characters long");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes long");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the user name");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("must use at least 5 different characters");
        }
        if (characterClasses(password) < rules.minCharacterClasses()) {
            return Optional.of("must mix at least " + rules.minCharacterClasses()
                    + " of: lower case, upper case, digits, other characters");
        }
        return Optional.empty();
    }

    public String describe() {
        return "At least " + rules.minLength() + " characters, mixing at least " + rules.minCharacterClasses()
                + " of lower case, upper case, digits and other characters, and not containing the user name.";
    }

    private static int characterClasses(String password) {
        boolean lower = password.chars().anyMatch(Character::isLowerCase);
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean other = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}

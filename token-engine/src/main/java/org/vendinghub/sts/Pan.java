package org.vendinghub.sts;

/**
 * Primary account number of a meter: 18 digits = IIN + DRN + Luhn check digit. IIN {@code 600727} is
 * followed by an 11-digit DRN; IIN {@code 0000} by a 13-digit DRN. The DRN starts with the
 * manufacturer code (2 digits after a 6-digit IIN, 4 digits after a 4-digit IIN).
 */
public final class Pan {

    private Pan() {
    }

    /** Validates an 18-digit PAN and its Luhn check digit; returns it unchanged. */
    public static String validate(String pan) {
        if (pan == null || pan.length() != 18 || !digitsOnly(pan)) {
            throw new IllegalArgumentException("PAN must be 18 digits, not '" + pan + "'");
        }
        char expected = checkDigit(pan.substring(0, 17));
        if (pan.charAt(17) != expected) {
            throw new IllegalArgumentException("PAN " + pan + " has check digit " + pan.charAt(17)
                    + ", expected " + expected);
        }
        return pan;
    }

    /** Builds the PAN from IIN and DRN (17 digits together) by appending the Luhn check digit. */
    public static String of(String iin, String drn) {
        if (iin == null || drn == null || !digitsOnly(iin) || !digitsOnly(drn)
                || iin.length() + drn.length() != 17 || (iin.length() != 4 && iin.length() != 6)) {
            throw new IllegalArgumentException("IIN (4 or 6 digits) and DRN must give 17 digits, not '"
                    + iin + "' + '" + drn + "'");
        }
        String body = iin + drn;
        return body + checkDigit(body);
    }

    /** The Luhn check digit for the given digits. */
    public static char checkDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** IIN length: 4 for PANs starting with {@code 0000}, else 6. */
    public static int iinLength(String pan) {
        return pan.startsWith("0000") ? 4 : 6;
    }

    /** Manufacturer code from the DRN: 2 digits after a 6-digit IIN, 4 digits after a 4-digit IIN. */
    public static int mfrCode(String pan) {
        int iin = iinLength(pan);
        return Integer.parseInt(pan.substring(iin, 8)); // 6..8 or 4..8
    }

    /** Number of decimal digits of the manufacturer code: 2 or 4. */
    public static int mfrDigits(String pan) {
        return iinLength(pan) == 6 ? 2 : 4;
    }

    static boolean digitsOnly(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

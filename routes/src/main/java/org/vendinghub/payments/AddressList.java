package org.vendinghub.payments;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated list of IP addresses and CIDR blocks ({@code 196.201.214.200, 10.0.0.0/8, 2001:db8::/32}). Only
 * literal addresses are accepted: nothing here ever asks DNS.
 */
public final class AddressList {

    private record Block(byte[] network, int prefixBits) {
    }

    private final List<Block> blocks;

    private AddressList(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Parses {@code value} (empty: an empty list); an entry that is not an address or block is refused, naming {@code setting}. */
    public static AddressList parse(String setting, String value) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : value == null ? new String[0] : value.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            byte[] address = literal(slash < 0 ? e : e.substring(0, slash));
            int bits = address == null ? -1 : slash < 0 ? address.length * 8 : prefix(e.substring(slash + 1), address.length * 8);
            if (bits < 0) {
                throw new IllegalArgumentException(setting + " must list IP addresses or CIDR blocks such as 10.0.0.0/8, not '" + e + "'");
            }
            blocks.add(new Block(address, bits));
        }
        return new AddressList(List.copyOf(blocks));
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** True when {@code address} (a literal IP) is in one of the blocks; false for anything that is not an IP address. */
    boolean contains(String address) {
        byte[] a = literal(address == null ? "" : address.strip());
        return a != null && blocks.stream().anyMatch(b -> b.network().length == a.length && samePrefix(b.network(), a, b.prefixBits()));
    }

    /** The bytes of an IPv4 or IPv6 literal, or null. IPv6 goes to InetAddress only with a ':' in it, which it never resolves. */
    static byte[] literal(String s) {
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] parts = s.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int n = Integer.parseInt(parts[i]);
                if (n > 255) {
                    return null;
                }
                bytes[i] = (byte) n;
            }
            return bytes;
        }
        if (s.contains(":") && s.matches("[0-9A-Fa-f:.]+")) {
            try {
                return InetAddress.getByName(s).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    private static int prefix(String bits, int max) {
        if (!bits.matches("\\d{1,3}")) {
            return -1;
        }
        int n = Integer.parseInt(bits);
        return n <= max ? n : -1;
    }

    private static boolean samePrefix(byte[] network, byte[] address, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}

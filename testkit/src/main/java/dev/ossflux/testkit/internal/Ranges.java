package dev.ossflux.testkit.internal;

import java.util.Locale;

/** The {@code Range} rules of GetObject, legacy (invalid ranges read everything) or {@code standard}. */
final class Ranges {

    private Ranges() {
    }

    record Range(long first, long last, boolean partial) {
        long length() {
            return last - first + 1;
        }
    }

    static Range select(Exchange ex, long size) {
        Range whole = new Range(0, size - 1, false);
        String header = ex.header("range");
        if (header == null) {
            return whole;
        }
        boolean standard = "standard".equalsIgnoreCase(String.valueOf(ex.header("x-oss-range-behavior")).trim());
        String spec = header.trim().toLowerCase(Locale.ROOT);
        if (!spec.startsWith("bytes=") || spec.contains(",")) {
            return whole;
        }
        String value = spec.substring("bytes=".length()).trim();
        int dash = value.indexOf('-');
        if (dash < 0) {
            return whole;
        }
        long first;
        long last;
        try {
            String a = value.substring(0, dash).trim();
            String b = value.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || (suffix > size && !standard)) {
                    return unsatisfiable(standard, whole, size);
                }
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(a);
                last = b.isEmpty() ? size - 1 : Long.parseLong(b);
            }
        } catch (NumberFormatException e) {
            return whole;
        }
        if (first > last || first >= size) {
            return unsatisfiable(standard, whole, size);
        }
        if (last >= size) {
            if (!standard) {
                return whole;
            }
            last = size - 1;
        }
        return new Range(first, last, true);
    }

    private static Range unsatisfiable(boolean standard, Range whole, long size) {
        if (standard) {
            throw new OssError(416, "InvalidRange", "The requested range is not satisfiable.")
                    .field("ActualObjectSize", Long.toString(size)).ec("0003-00000205");
        }
        return whole;
    }
}

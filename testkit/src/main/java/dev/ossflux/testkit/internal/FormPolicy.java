package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A PostObject policy document as OSS reads it: {@code expiration} and {@code conditions}, each an
 * exact-match object, {@code ["eq" | "starts-with", "$field", value]}, {@code ["in" | "not-in", "$field",
 * [values]]} or {@code ["content-length-range", min, max]}. Field names compare case-insensitively.
 */
final class FormPolicy {

    /** One condition on a form field (lower-case name, {@code bucket} included). */
    private record Rule(String operator, String field, List<String> values, String text) {

        boolean holds(String actual) {
            return switch (operator) {
                case "eq" -> actual.equals(values.get(0));
                case "starts-with" -> actual.startsWith(values.get(0));
                case "in" -> values.contains(actual);
                default -> !values.contains(actual);
            };
        }
    }

    /** Fields a form may carry without a condition: the signature's own and the file. */
    private static final Set<String> UNCOVERED = Set.of("policy", "x-oss-signature", "file", "signature",
            "ossaccesskeyid");

    private final Instant expiration;
    private final List<Rule> rules;
    private final long minSize;
    private final long maxSize;

    private FormPolicy(Instant expiration, List<Rule> rules, long minSize, long maxSize) {
        this.expiration = expiration;
        this.rules = rules;
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    /** Reads the base64 {@code policy} field; anything malformed is {@code InvalidPolicyDocument}. */
    static FormPolicy parse(String base64) {
        Object tree;
        try {
            tree = Json.read(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid Policy: Invalid JSON.");
        }
        if (!(tree instanceof Map<?, ?> document) || !(document.get("expiration") instanceof String expires)) {
            throw invalid("Invalid Policy: Invalid 'expiration' value.");
        }
        Instant expiration;
        try {
            expiration = Instant.parse(expires);
        } catch (DateTimeParseException e) {
            throw invalid("Invalid Policy: Invalid 'expiration' value: '" + expires + "'.");
        }
        if (!(document.get("conditions") instanceof List<?> conditions)) {
            throw invalid("Invalid Policy: Invalid 'conditions' value.");
        }
        List<Rule> rules = new ArrayList<>();
        long min = 0;
        long max = Long.MAX_VALUE;
        for (Object condition : conditions) {
            if (condition instanceof Map<?, ?> exact && !exact.isEmpty()) {
                for (Map.Entry<?, ?> entry : exact.entrySet()) {
                    if (!(entry.getValue() instanceof String value)) {
                        throw invalid("Invalid Policy: Invalid Simple-Condition: value must be a string.");
                    }
                    String field = entry.getKey().toString().toLowerCase(Locale.ROOT);
                    rules.add(new Rule("eq", field, List.of(value), text(condition)));
                }
            } else if (condition instanceof List<?> list && list.size() == 3 && list.get(0) instanceof String op) {
                String operator = op.toLowerCase(Locale.ROOT);
                if (operator.equals("content-length-range")) {
                    if (!(list.get(1) instanceof Long low) || !(list.get(2) instanceof Long high) || low < 0
                            || high < low) {
                        throw invalid("Invalid Policy: Invalid content-length-range: " + text(condition));
                    }
                    min = low;
                    max = high;
                } else {
                    rules.add(rule(operator, list, condition));
                }
            } else {
                throw invalid("Invalid Policy: Invalid condition: " + text(condition));
            }
        }
        return new FormPolicy(expiration, List.copyOf(rules), min, max);
    }

    private static Rule rule(String operator, List<?> list, Object condition) {
        if (!(list.get(1) instanceof String name) || !name.startsWith("$") || name.length() == 1) {
            throw invalid("Invalid Policy: Invalid field name in " + text(condition));
        }
        String field = name.substring(1).toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>();
        switch (operator) {
            case "eq", "starts-with" -> {
                if (!(list.get(2) instanceof String value)) {
                    throw invalid("Invalid Policy: Invalid value in " + text(condition));
                }
                values.add(value);
            }
            case "in", "not-in" -> {
                if (!(list.get(2) instanceof List<?> options)) {
                    throw invalid("Invalid Policy: Invalid value list in " + text(condition));
                }
                options.forEach(option -> values.add(String.valueOf(option)));
            }
            default -> throw invalid("Invalid Policy: Unknown condition operator '" + operator + "'.");
        }
        return new Rule(operator, field, List.copyOf(values), text(condition));
    }

    /**
     * Checks expiry and every condition against the form's fields ({@code bucket} is the addressed bucket);
     * with {@code coverAll} (V4), a field no condition names is refused too.
     */
    void check(Map<String, String> fields, String bucket, Instant now, boolean coverAll) {
        if (!now.isBefore(expiration)) {
            throw OssError.accessDenied("Invalid according to Policy: Policy expired.");
        }
        Set<String> covered = new HashSet<>();
        for (Rule rule : rules) {
            covered.add(rule.field());
            String actual = rule.field().equals("bucket") ? bucket : value(fields, rule.field());
            if (!rule.holds(actual)) {
                throw OssError.accessDenied("Invalid according to Policy: Policy Condition failed: " + rule.text());
            }
        }
        if (coverAll) {
            for (String name : fields.keySet()) {
                String field = name.toLowerCase(Locale.ROOT);
                if (!covered.contains(field) && !UNCOVERED.contains(field) && !field.startsWith("x-ignore-")) {
                    throw OssError.accessDenied("Invalid according to Policy: Extra input fields: " + name);
                }
            }
        }
    }

    /** {@code EntityTooLarge} once a file grows past the range's maximum (checked as bytes arrive). */
    void checkGrowing(long size) {
        if (size > maxSize) {
            throw new OssError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.")
                    .field("MaxSizeAllowed", Long.toString(maxSize)).field("ProposedSize", Long.toString(size));
        }
    }

    /** {@code EntityTooSmall} for a whole file under the range's minimum. */
    void checkComplete(long size) {
        if (size < minSize) {
            throw new OssError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed "
                    + "size.").field("MinSizeAllowed", Long.toString(minSize)).field("ProposedSize",
                            Long.toString(size));
        }
    }

    private static String value(Map<String, String> fields, String lowerCaseName) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getKey().equalsIgnoreCase(lowerCaseName)) {
                return field.getValue();
            }
        }
        return "";
    }

    private static String text(Object condition) {
        return new String(Json.write(condition), StandardCharsets.UTF_8);
    }

    private static OssError invalid(String message) {
        return new OssError(400, "InvalidPolicyDocument", message);
    }
}

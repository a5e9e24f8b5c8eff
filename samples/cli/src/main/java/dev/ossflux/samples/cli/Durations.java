package dev.ossflux.samples.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses positive durations written like {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}, {@code 1h30m}, or in
 * ISO-8601 ({@code PT1H}, {@code P7D}); as a picocli converter, a bad value is a usage error naming the option.
 */
final class Durations implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(?:\\d+[smhd])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");
    private static final String EXAMPLES = "write e.g. 90s, 15m, 1h, 7d, 1h30m or PT1H";

    @Override
    public Duration convert(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        try {
            duration = trimmed.startsWith("p") ? Duration.parse(trimmed) : sumOfParts(trimmed, text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; " + EXAMPLES);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not positive");
        }
        return duration;
    }

    private static Duration sumOfParts(String trimmed, String text) {
        if (!SHORT.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; " + EXAMPLES);
        }
        Duration sum = Duration.ZERO;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            sum = sum.plus(switch (part.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return sum;
    }
}

package dev.ossflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "15m, PT15M", "1h, PT1H", "7d, PT168H", "1h30m, PT1H30M", "1D, PT24H",
            "PT1H, PT1H", "P7D, PT168H", "pt15m, PT15M", " 2h , PT2H"})
    void readsShortFormsAndIso8601(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "1 h", "h", "1w", "1.5h", "-1h", "P", "PT", "1h-30m", "ten minutes"})
    void refusesWhatIsNotADuration(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
                .withMessage("'" + text + "' is not a duration; write e.g. 90s, 15m, 1h, 7d, 1h30m or PT1H");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0d", "PT0S", "PT-1H"})
    void refusesWhatIsNotPositive(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
                .withMessage("'" + text + "' is not positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999s", "9223372036854775807d"})
    void refusesWhatIsTooLong(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
                .withMessage("'" + text + "' is too long");
    }

    @Test
    void aBadOptionValueIsAUsageError() {
        assertThatThrownBy(() -> new Durations().convert("soon")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'soon' is not a duration");
    }
}

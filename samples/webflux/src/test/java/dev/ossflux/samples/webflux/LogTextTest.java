package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void writesLineBreaksAndOtherControlCharactersAsEscapes() {
        assertThat(LogText.escape("a\r\nINFO forged line\u001b[31m\u2028\\n"))
                .isEqualTo("a\\r\\nINFO forged line\\u001b[31m\\u2028\\\\n");
        assertThat(LogText.escape("照片 \uD840\uDC00.txt")).isEqualTo("照片 \uD840\uDC00.txt");
        assertThat(LogText.escape(null)).isEqualTo("null");
    }
}

package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    @Test
    void keepsLettersDigitsDotsDashesAndUnderscores() {
        assertThat(ObjectKeys.safeName("report-2024_v1.2.pdf")).isEqualTo("report-2024_v1.2.pdf");
        assertThat(ObjectKeys.safeName("照片.jpg")).isEqualTo("照片.jpg");
    }

    @Test
    void replacesEachRunOfOtherCharactersWithOneUnderscore() {
        assertThat(ObjectKeys.safeName("my file (1).txt")).isEqualTo("my_file_1_.txt");
        assertThat(ObjectKeys.safeName("a?b#c%20d&e=f")).isEqualTo("a_b_c_20d_e_f");
    }

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(ObjectKeys.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ObjectKeys.safeName("C:\\Users\\me\\cat.png")).isEqualTo("cat.png");
    }

    @Test
    void dropsLeadingDotsAndNamesEmptyResultsFile() {
        assertThat(ObjectKeys.safeName(".htaccess")).isEqualTo("htaccess");
        assertThat(ObjectKeys.safeName("..")).isEqualTo("file");
        assertThat(ObjectKeys.safeName("")).isEqualTo("file");
        assertThat(ObjectKeys.safeName("dir/")).isEqualTo("file");
    }

    @Test
    void keepsTheEndOfLongNames() {
        String name = "x".repeat(500) + ".tar.gz";
        assertThat(ObjectKeys.safeName(name)).hasSize(ObjectKeys.MAX_NAME_LENGTH).endsWith("x.tar.gz");
    }

    @Test
    void cutsLongNamesBetweenCodePointsNeverInsideASurrogatePair() {
        String letter = "\uD840\uDC00";
        String name = letter.repeat(100) + ".text";
        String safe = ObjectKeys.safeName(name);
        assertThat(safe).hasSize(ObjectKeys.MAX_NAME_LENGTH - 1).endsWith(letter + ".text").startsWith(letter);
        assertThat(safe.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF)).as("lone surrogates").isEmpty();
    }

    @Test
    void putsEachUploadUnderItsOwnId() {
        String id = ObjectKeys.newUploadId();
        assertThat(ObjectKeys.key(id, "a b.txt")).isEqualTo("uploads/" + id + "/a_b.txt");
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(ObjectKeys.newUploadId());
        }
        assertThat(ids).hasSize(1000);
    }
}

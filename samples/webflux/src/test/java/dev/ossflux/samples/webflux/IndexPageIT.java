package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The upload page in headless Chromium: pick a file, stream it through the server, read the result. */
@SampleApplicationTest
class IndexPageIT {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    private int port;

    @TempDir
    private Path temp;

    @Test
    void uploadsAFileAndShowsItsEtagAndTheCallbackReply() throws Exception {
        WebDriver browser = chromium.browser();
        byte[] content = "Hello from a real browser\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(temp.resolve("hello.txt"), content);

        browser.get("http://127.0.0.1:" + port + "/");
        assertThat(browser.getTitle()).isEqualTo("ossflux WebFlux sample");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.id("status"), "Stored."));
        String md5 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(content));
        assertThat(browser.findElement(By.id("etag")).getText()).isEqualTo(md5);
        assertThat(browser.findElement(By.id("key")).getText()).startsWith("uploads/").endsWith("/hello.txt");
        assertThat(browser.findElement(By.id("size")).getText()).isEqualTo(String.valueOf(content.length));
        assertThat(browser.findElement(By.id("crc64")).getText()).matches("\\d+");
        assertThat(browser.findElement(By.id("callback")).getText())
                .contains("\"Status\": \"OK\"")
                .contains("\"etag\": \"" + md5 + "\"")
                .contains("\"mimeType\": \"text/plain\"");

        chromium.screenshot("index-page");
    }
}

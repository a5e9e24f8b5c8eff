package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The upload page in headless Chromium: pick a file, upload it, read the result. Needs Debian's
 * {@code chromium} and {@code chromium-driver} packages ({@code .ci/run} installs them); Selenium is given
 * both paths, so it never looks for or downloads a browser.
 */
@SampleApplicationTest
class IndexPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    private int port;

    @TempDir
    private Path temp;

    private ChromeDriverService service;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        assertThat(CHROMIUM).as("Chromium is needed for this test: apt-get install -y chromium chromium-driver")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is needed for this test: apt-get install -y chromium-driver")
                .isExecutable();
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of("target", "chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1000,900",
                        "--user-data-dir=" + Files.createDirectory(temp.resolve("profile")));
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void uploadsAFileAndShowsItsEtagAndTheCallbackReply() throws Exception {
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

        File screenshot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(screenshot.toPath(), Path.of("target", "index-page.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

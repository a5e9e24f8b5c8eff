package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium for the tests of one class, started before the first and quit after the last:
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}. Needs Debian's {@code chromium}
 * and {@code chromium-driver} packages ({@code build.sh test} installs them); Selenium is given both paths, so it
 * never looks for or downloads a browser.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver browser;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assertThat(CHROMIUM).as("Chromium is needed for this test: apt-get install -y chromium chromium-driver")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is needed for this test: apt-get install -y chromium-driver")
                .isExecutable();
        profile = Files.createTempDirectory("chromium-profile");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of("target", "chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1000,900", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    WebDriver browser() {
        return browser;
    }

    /** Saves what the page shows now as {@code target/<name>.png}, to look at after the run. */
    void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(shot);
    }
}

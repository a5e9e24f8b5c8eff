package dev.ossflux.samples.webflux;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The application on a random port with its embedded emulator, whatever {@code OSS_*} variables the
 * machine has; test classes with this annotation share one running application, whose server counts the
 * bytes it receives ({@link ReceivedBytes}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ossflux.emulator.enabled=true",
        "ossflux.emulator.buckets=" + SampleApplicationTest.BUCKET,
        // The server's port is picked at random, after the emulator starts, so its pages' origin is unknown.
        "ossflux.emulator.cors-origins=*",
        "ossflux.endpoint=",
        "ossflux.callback.binding-secret=",
        "ossflux.multipart.part-size=8MB",
        "ossflux.multipart.concurrency=4",
        "sample.callback-url=",
        "sample.bucket=" + SampleApplicationTest.BUCKET,
        "sample.max-upload-size=" + SampleApplicationTest.MAX_UPLOAD_MIB + "MB",
        "sample.max-direct-upload-size=" + SampleApplicationTest.MAX_DIRECT_UPLOAD_MIB + "MB",
        "sample.direct-upload-expiry=" + SampleApplicationTest.DIRECT_UPLOAD_EXPIRY_SECONDS + "s",
        // Selenium has no DevTools bindings for every Chromium release; the page test needs none.
        "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error"})
@AutoConfigureWebTestClient(timeout = "30s")
@Import(ReceivedBytes.class)
@interface SampleApplicationTest {

    String BUCKET = "examplebucket";
    int MAX_UPLOAD_MIB = 24;
    int MAX_DIRECT_UPLOAD_MIB = 4;
    /** Short, so that a test can watch a form expire. */
    int DIRECT_UPLOAD_EXPIRY_SECONDS = 10;
}

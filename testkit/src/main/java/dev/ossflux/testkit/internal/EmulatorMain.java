package dev.ossflux.testkit.internal;

import dev.ossflux.testkit.OssEmulator;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar ossflux-emulator.jar --port PORT --bucket NAME [--bucket NAME2] [--data-dir DIR]
 * [--region REGION] [--host-name NAME] [--cors-origin ORIGIN] [--access-key-id ID --access-key-secret SECRET]
 * [--sink]}: runs the emulator until SIGTERM or Ctrl-C. Credentials come from the flags, else from
 * {@code OSS_ACCESS_KEY_ID}/{@code OSS_ACCESS_KEY_SECRET} (and {@code OSS_SESSION_TOKEN}); with neither,
 * a random key is made and printed after the ready line.
 */
public final class EmulatorMain {

    private static final String USAGE = "usage: java -jar ossflux-emulator.jar [--port PORT] --bucket NAME "
            + "[--bucket NAME2 ...] [--data-dir DIR] [--region REGION] [--host-name NAME ...] "
            + "[--cors-origin ORIGIN ...] [--access-key-id ID --access-key-secret SECRET] [--callback-timeout-ms MS] "
            + "[--sink]";

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Setup setup;
        try {
            setup = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        OssEmulator emulator = setup.builder().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "ossflux-emulator-shutdown"));
        System.out.println("ossflux emulator listening on " + emulator.endpoint());
        if (setup.generated()) {
            System.out.println("ossflux emulator credentials: OSS_ACCESS_KEY_ID=" + emulator.credentials().accessKeyId()
                    + " OSS_ACCESS_KEY_SECRET=" + emulator.credentials().accessKeySecret());
        }
        System.out.flush();
        stopped.await();
    }

    /** The emulator to start, and whether its credentials were generated (and must be shown). */
    record Setup(OssEmulator.Builder builder, boolean generated) {
    }

    static Setup parse(String[] args, Map<String, String> env) {
        OssEmulator.Builder builder = OssEmulator.builder();
        String region = env.get("OSS_REGION");
        if (region != null && !region.isBlank()) {
            builder.region(region.trim());
        }
        String id = null;
        String secret = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
                case "--bucket" -> builder.bucket(value(args, ++i, arg));
                case "--data-dir" -> builder.dataDir(Path.of(value(args, ++i, arg)));
                case "--region" -> builder.region(value(args, ++i, arg));
                case "--host-name" -> builder.hostName(value(args, ++i, arg));
                case "--cors-origin" -> builder.corsOrigin(value(args, ++i, arg));
                case "--access-key-id" -> id = value(args, ++i, arg);
                case "--access-key-secret" -> secret = value(args, ++i, arg);
                case "--callback-timeout-ms" -> builder.callbackTimeout(
                        java.time.Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
                case "--sink" -> builder.sink(true);
                case "--help", "-h" -> throw new IllegalArgumentException("ossflux OSS emulator");
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if ((id == null) != (secret == null)) {
            throw new IllegalArgumentException("--access-key-id and --access-key-secret go together");
        }
        if (id != null) {
            builder.credentials(id, secret);
            return new Setup(builder, false);
        }
        String envId = env.getOrDefault("OSS_ACCESS_KEY_ID", "");
        String envSecret = env.getOrDefault("OSS_ACCESS_KEY_SECRET", "");
        String token = env.getOrDefault("OSS_SESSION_TOKEN", "");
        if (!envId.isBlank() && !envSecret.isBlank()) {
            if (token.isBlank()) {
                builder.credentials(envId, envSecret);
            } else {
                builder.temporaryCredentials(envId, envSecret, token);
            }
            return new Setup(builder, false);
        }
        builder.credentials("LTAI" + random(10), random(30));
        return new Setup(builder, true);
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }
}

package dev.ossflux.testkit.internal;

import dev.ossflux.testkit.OssEmulator;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar ossflux-emulator.jar --port PORT --bucket NAME [--bucket NAME2] [--data-dir DIR]
 * [--region REGION] [--sink]}: runs the emulator until SIGTERM or Ctrl-C. Credentials come from
 * {@code OSS_ACCESS_KEY_ID}/{@code OSS_ACCESS_KEY_SECRET} (and {@code OSS_SESSION_TOKEN}), defaulting
 * to the emulator's documented defaults.
 */
public final class EmulatorMain {

    private static final String USAGE = "usage: java -jar ossflux-emulator.jar [--port PORT] --bucket NAME "
            + "[--bucket NAME2 ...] [--data-dir DIR] [--region REGION] [--callback-timeout-ms MS] [--sink]";

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        OssEmulator.Builder builder;
        try {
            builder = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        OssEmulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "ossflux-emulator-shutdown"));
        System.out.println("ossflux emulator listening on " + emulator.endpoint());
        System.out.flush();
        stopped.await();
    }

    static OssEmulator.Builder parse(String[] args, java.util.Map<String, String> env) {
        OssEmulator.Builder builder = OssEmulator.builder();
        String region = env.get("OSS_REGION");
        if (region != null && !region.isBlank()) {
            builder.region(region.trim());
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
                case "--bucket" -> builder.bucket(value(args, ++i, arg));
                case "--data-dir" -> builder.dataDir(Path.of(value(args, ++i, arg)));
                case "--region" -> builder.region(value(args, ++i, arg));
                case "--callback-timeout-ms" -> builder.callbackTimeout(
                        java.time.Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
                case "--sink" -> builder.sink(true);
                case "--help", "-h" -> throw new IllegalArgumentException("ossflux OSS emulator");
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        String id = env.getOrDefault("OSS_ACCESS_KEY_ID", "");
        String secret = env.getOrDefault("OSS_ACCESS_KEY_SECRET", "");
        String token = env.getOrDefault("OSS_SESSION_TOKEN", "");
        if (!id.isBlank() && !secret.isBlank()) {
            if (token.isBlank()) {
                builder.credentials(id, secret);
            } else {
                builder.temporaryCredentials(id, secret, token);
            }
        } else {
            builder.credentials(OssEmulator.DEFAULT_ACCESS_KEY_ID, OssEmulator.DEFAULT_ACCESS_KEY_SECRET);
        }
        return builder;
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }
}

package dev.ossflux.benchmarks.soak;

import dev.ossflux.testing.NettyLeaks;
import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.Operation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The soak's emulator, in a process of its own so that it can be killed: the testkit emulator on
 * {@code --port} with {@code --data-dir}, Netty's leak detector recording, and a control channel on
 * standard input, one command a line, answered on standard output:
 * <ul>
 *   <li>{@code fault OPERATION status CODE | reset BYTES | lose | slow MILLIS}: the next request of that
 *       {@link Operation} shows the {@link Fault};</li>
 *   <li>{@code clear}: forgets the faults not yet shown;</li>
 *   <li>{@code leaks}: answers {@code leaks N}, the leak reports since the last {@code leaks} (written in
 *       full to standard error, the emulator's log).</li>
 * </ul>
 * Usage: {@code ChaosEmulatorMain PORT DATA_DIR BUCKET ACCESS_KEY_ID CALLBACK_TIMEOUT_MS}; the secret
 * comes on the first line of standard input, so that it shows in no process listing.
 */
public final class ChaosEmulatorMain {

    static final String LISTENING = "chaos emulator listening on ";
    static final String LEAKS = "leaks ";

    private ChaosEmulatorMain() {
    }

    public static void main(String[] args) throws IOException {
        NettyLeaks.install();
        BufferedReader control = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String secret = control.readLine();
        OssEmulator emulator = OssEmulator.builder()
                .port(Integer.parseInt(args[0]))
                .dataDir(Path.of(args[1]))
                .bucket(args[2])
                .credentials(args[3], secret)
                .callbackTimeout(Duration.ofMillis(Long.parseLong(args[4])))
                .start();
        System.out.println(LISTENING + emulator.endpoint());
        System.out.flush();
        for (String line = control.readLine(); line != null; line = control.readLine()) {
            String[] words = line.trim().split(" ");
            switch (words[0]) {
                case "fault" -> emulator.inject(Operation.valueOf(words[1]), fault(words));
                case "clear" -> emulator.clearFaults();
                case "leaks" -> {
                    List<String> leaks = NettyLeaks.drain();
                    leaks.forEach(System.err::println);
                    System.out.println(LEAKS + leaks.size());
                    System.out.flush();
                }
                default -> System.err.println("unknown command: " + line);
            }
        }
        emulator.close();
    }

    private static Fault fault(String[] words) {
        return switch (words[2]) {
            case "status" -> Fault.status(Integer.parseInt(words[3]),
                    words[3].equals("429") ? "TooManyRequests" : words[3].equals("503") ? "ServiceUnavailable"
                            : "InternalError");
            case "reset" -> Fault.resetAfterBytes(Long.parseLong(words[3]));
            case "lose" -> Fault.loseResponse();
            case "slow" -> Fault.delayResponse(Duration.ofMillis(Long.parseLong(words[3])));
            default -> throw new IllegalArgumentException("unknown fault " + words[2]);
        };
    }
}

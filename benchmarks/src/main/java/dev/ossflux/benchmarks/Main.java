package dev.ossflux.benchmarks;

import dev.ossflux.benchmarks.load.LoadHarness;
import dev.ossflux.benchmarks.soak.SoakMain;
import java.util.Arrays;

/**
 * The benchmarks jar's entry point: {@code java -jar ossflux-benchmarks.jar soak ...} runs the chaos
 * soak ({@link SoakMain}); anything else goes to the load harness ({@link LoadHarness}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("soak")) {
            SoakMain.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            LoadHarness.main(args);
        }
    }
}

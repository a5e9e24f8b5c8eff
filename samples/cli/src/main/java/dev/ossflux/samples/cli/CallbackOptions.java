package dev.ossflux.samples.cli;

import dev.ossflux.core.callback.Callback;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The upload callback given on the command line. */
final class CallbackOptions {

    @Option(names = "--callback-url", paramLabel = "URL", description = "URL OSS calls after storing the object")
    String url;

    @Option(names = "--callback-body", paramLabel = "TEMPLATE",
            description = "callback body, e.g. 'bucket=$${bucket}&object=$${object}'")
    String body;

    @Option(names = "--callback-json", description = "send the callback body as application/json")
    boolean json;

    @Option(names = "--callback-var", paramLabel = "x:name=value", description = "custom callback variable")
    List<String> variables = new ArrayList<>();

    Optional<Callback> callback() {
        if (url == null && body == null && variables.isEmpty()) {
            return Optional.empty();
        }
        if (url == null || body == null) {
            throw new IllegalArgumentException("--callback-url and --callback-body go together");
        }
        Callback.Builder builder = Callback.builder(url, body)
                .bodyType(json ? Callback.BodyType.JSON : Callback.BodyType.FORM);
        for (String variable : variables) {
            int equals = variable.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("--callback-var '" + variable + "' must look like x:name=value");
            }
            builder.variable(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return Optional.of(builder.build());
    }
}

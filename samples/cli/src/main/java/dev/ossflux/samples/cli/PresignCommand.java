package dev.ossflux.samples.cli;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PresignRequest;
import dev.ossflux.core.PresignedRequest;
import dev.ossflux.core.SignatureVersion;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code presign oss://BUCKET/KEY}: prints a URL that uploads ({@code curl -T FILE URL}) or downloads
 * ({@code curl URL}) the object without credentials until it expires. Nothing is sent to OSS.
 */
@Command(name = "presign", mixinStandardHelpOptions = true,
        description = {"Print a presigned URL: upload with curl -T FILE 'URL' (PUT), download with curl 'URL' (GET). "
                + "Headers the URL was signed with (Content-Type) and the expiry go to stderr; send the headers "
                + "with curl -H."})
final class PresignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "oss://BUCKET/KEY")
    String target;

    @Mixin
    EndpointOptions endpoint;

    @Option(names = "--method", paramLabel = "PUT|GET", defaultValue = "PUT",
            description = "PUT to upload (default), GET to download")
    Method method;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "1h", converter = Durations.class,
            description = "how long the URL works, e.g. 90s, 15m, 1h, 7d or PT1H (default 1h; at most 7d for V4)")
    Duration expires;

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "the Content-Type the upload must send (PUT only)")
    String contentType;

    @ArgGroup(exclusive = false)
    CallbackOptions callback = new CallbackOptions();

    /** What the URL lets its holder do. */
    enum Method { PUT, GET }

    @Override
    public Integer call() {
        OssTarget to = OssTarget.parse(target);
        if (endpoint.signatureVersion == SignatureVersion.V4
                && expires.compareTo(PresignRequest.MAX_V4_LIFETIME) > 0) {
            throw new ParameterException(spec.commandLine(), "--expires: V4 URLs work for at most 7 days, got "
                    + expires + "; pass --signature-version V1 for longer");
        }
        PresignRequest request = method == Method.GET ? download(to) : upload(to);
        try (OssClient oss = endpoint.client()) {
            PresignedRequest presigned = oss.presign(request).toFuture().join();
            PrintWriter err = spec.commandLine().getErr();
            presigned.headers().forEach((name, value) -> err.println("header:  " + name + ": " + value));
            err.println("expires: " + presigned.expiration());
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println(presigned.url());
            out.flush();
        }
        return 0;
    }

    private PresignRequest download(OssTarget to) {
        if (contentType != null || callback.callback().isPresent()) {
            throw new ParameterException(spec.commandLine(),
                    "--content-type and --callback-* apply to --method PUT only");
        }
        return PresignRequest.get(to.bucket(), to.key()).expiresIn(expires).build();
    }

    private PresignRequest upload(OssTarget to) {
        PresignRequest.Builder request = PresignRequest.put(to.bucket(), to.key()).expiresIn(expires);
        if (contentType != null) {
            request.contentType(contentType);
        }
        callback.callback().ifPresent(request::callback);
        return request.build();
    }
}

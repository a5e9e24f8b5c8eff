package dev.ossflux.benchmarks.jmh;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyun.oss.common.comm.RequestMessage;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.internal.signer.OSSSignerBase;
import com.aliyun.oss.internal.signer.OSSSignerParams;
import dev.ossflux.core.SignatureVersion;
import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.core.internal.sign.RequestSigner;
import dev.ossflux.core.internal.sign.SigningInput;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing one PutObject with a callback, per request, as each client does it: ossflux's signers
 * against the official SDK's {@code OSSV1Signer}/{@code OSSV4Signer} on the same headers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigningBenchmark {

    private static final String CALLBACK = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9leGFtcGxlLmNvbS9jYWxsYmFjayIsImNhbGxiYWN"
            + "rQm9keSI6ImJ1Y2tldD0ke2J1Y2tldH0mb2JqZWN0PSR7b2JqZWN0fSJ9";

    @Param({"V1", "V4"})
    String version;

    private RequestSigner ossflux;
    private com.aliyun.oss.common.auth.RequestSigner sdk;
    private final Credentials credentials = Credentials.of("LTAI-test-id", "test-secret");

    @Setup
    public void setUp() {
        ossflux = RequestSigner.of(SignatureVersion.valueOf(version), "cn-hangzhou");
        OSSSignerParams params = new OSSSignerParams("/examplebucket/exampledir/exampleobject.txt",
                new DefaultCredentials("LTAI-test-id", "test-secret"));
        params.setRegion("cn-hangzhou");
        params.setProduct("oss");
        params.setCloudBoxId(null);
        sdk = OSSSignerBase.createRequestSigner(SignVersion.valueOf(version), params);
    }

    @Benchmark
    public String ossflux() {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "text/plain");
        headers.put("x-oss-callback", CALLBACK);
        headers.put("x-oss-meta-author", "alice");
        ossflux.sign(new SigningInput("PUT", "examplebucket", "exampledir/exampleobject.txt", List.<QueryParam>of(),
                headers), credentials, Instant.now());
        return headers.get("authorization");
    }

    @Benchmark
    public String aliyunSdkOss() throws Exception {
        RequestMessage request = new RequestMessage("examplebucket", "exampledir/exampleobject.txt");
        request.setMethod(HttpMethod.PUT);
        request.addHeader("Content-Type", "text/plain");
        request.addHeader("x-oss-callback", CALLBACK);
        request.addHeader("x-oss-meta-author", "alice");
        sdk.sign(request);
        return request.getHeaders().get("Authorization");
    }
}

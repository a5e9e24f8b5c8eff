package dev.ossflux.benchmarks.jmh;

import com.aliyun.oss.internal.OSSUtils;
import dev.ossflux.core.callback.Callback;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building and encoding a callback with one custom variable: ossflux validates every OSS rule and
 * encodes with Jackson; the SDK pastes strings together (and does not escape the body).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallbackEncodingBenchmark {

    private static final String URL = "http://callback.example.com:8080/oss/cb?src=oss";
    private static final String BODY = "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&uid=${x:uid}";

    @Benchmark
    public String ossflux() {
        Callback callback = Callback.builder(URL, BODY).host("callback.example.com").variable("x:uid", "42").build();
        return callback.headerValue() + callback.variablesHeaderValue().orElseThrow();
    }

    @Benchmark
    public Map<String, String> aliyunSdkOss() {
        com.aliyun.oss.model.Callback callback = new com.aliyun.oss.model.Callback();
        callback.setCallbackUrl(URL);
        callback.setCallbackHost("callback.example.com");
        callback.setCallbackBody(BODY);
        callback.setCalbackBodyType(com.aliyun.oss.model.Callback.CalbackBodyType.URL);
        callback.addCallbackVar("x:uid", "42");
        Map<String, String> headers = new HashMap<>();
        OSSUtils.populateRequestCallback(headers, callback);
        return headers;
    }
}

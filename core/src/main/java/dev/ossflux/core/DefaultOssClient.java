package dev.ossflux.core;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.sign.RequestSigner;
import dev.ossflux.core.internal.xml.Warmup;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** The {@link OssClient} behind {@code OssClient.builder()}: one connection pool, one transport. */
final class DefaultOssClient implements OssClient {

    private static final String USER_AGENT = "ossflux/0.1 (Java " + Runtime.version().feature() + ")";

    private final ConnectionProvider pool;
    private final Transport transport;
    private final Optional<Duration> callTimeout;
    private final ObjectOperations objects;
    private final MultipartOperations multipart;
    private final DirectUploads direct;

    private DefaultOssClient(ConnectionProvider pool, Transport transport, Optional<Duration> callTimeout,
            DirectUploads direct) {
        this.pool = pool;
        this.transport = transport;
        this.callTimeout = callTimeout;
        this.direct = direct;
        this.objects = new ObjectOperations(transport);
        this.multipart = new MultipartOperations(transport, objects);
    }

    static OssClient create(ClientSettings settings) {
        Warmup.run();
        Endpoint endpoint = Endpoint.parse(settings.endpoint(), settings.pathStyle());
        String region = settings.region() != null ? settings.region()
                : Objects.requireNonNullElse(endpoint.inferredRegion(), "cn-hangzhou");
        ConnectionProvider pool = ConnectionProvider.builder("ossflux")
                .metrics(settings.reactorNettyMetrics())
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(settings.pendingAcquireMaxCount())
                .pendingAcquireTimeout(settings.pendingAcquireTimeout())
                .maxIdleTime(Duration.ofSeconds(50))
                .evictInBackground(Duration.ofSeconds(30))
                .build();
        TransferBudget budget = new TransferBudget(settings.maxBytesInFlight(), settings.maxRequestsInFlight());
        TransferObserver meters = settings.meterRegistry() == null ? TransferObserver.NONE
                : new MicrometerObserver((MeterRegistry) settings.meterRegistry(), budget);
        AttemptObserver observer = new AttemptObserver(meters);
        ServerClock clock = new ServerClock(settings.clock());
        Transport transport = new Transport(new HttpExchange(http(pool, endpoint, settings), endpoint),
                new RequestSigning(endpoint, RequestSigner.of(settings.signatureVersion(), region),
                        settings.credentials(), clock),
                clock, budget, observer, new RetryPolicy(settings.retry(), observer));
        DirectUploads direct = new DirectUploads(endpoint, region, settings.signatureVersion(), settings.credentials(),
                clock);
        return new DefaultOssClient(pool, transport, settings.callTimeout(), direct);
    }

    private static HttpClient http(ConnectionProvider pool, Endpoint endpoint, ClientSettings settings) {
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .responseTimeout(settings.responseTimeout())
                .disableRetry(true)
                .headers(headers -> headers.set("user-agent", USER_AGENT));
        if (settings.reactorNettyMetrics()) {
            http = http.metrics(true, uri -> "/");
        }
        if (endpoint.scheme().equals("https")) {
            http = http.secure();
        }
        return settings.httpClientCustomizer().apply(http);
    }

    @Override
    public Mono<UploadResult> putObject(PutObjectRequest request, UploadBody body) {
        return limited(objects.putObject(request, body));
    }

    @Override
    public Mono<ObjectContent> getObject(GetObjectRequest request) {
        return limited(objects.getObject(request));
    }

    @Override
    public Mono<ObjectMetadata> headObject(String bucket, String key) {
        return limited(objects.headObject(bucket, key));
    }

    @Override
    public Mono<Void> deleteObject(String bucket, String key) {
        return limited(objects.deleteObject(bucket, key));
    }

    @Override
    public Mono<MultipartUpload> initiateMultipartUpload(PutObjectRequest request) {
        return limited(multipart.initiate(request));
    }

    @Override
    public Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body) {
        return limited(multipart.uploadPart(upload, partNumber, body, null));
    }

    @Override
    public Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body,
            ProgressListener progress) {
        return limited(multipart.uploadPart(upload, partNumber, body, Objects.requireNonNull(progress, "progress")));
    }

    @Override
    public Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts) {
        return limited(multipart.complete(upload, parts, Optional.empty()));
    }

    @Override
    public Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts,
            Callback callback) {
        return limited(multipart.complete(upload, parts, Optional.of(callback)));
    }

    @Override
    public Mono<Void> abortMultipartUpload(MultipartUpload upload) {
        return limited(multipart.abort(upload));
    }

    @Override
    public Flux<UploadedPart> listParts(MultipartUpload upload) {
        return limited(multipart.listParts(upload));
    }

    @Override
    public Flux<MultipartUpload> listMultipartUploads(String bucket, String prefix) {
        return limited(multipart.listUploads(bucket, prefix));
    }

    @Override
    public Mono<PostForm> signPostPolicy(PostPolicy policy) {
        return direct.sign(policy);
    }

    @Override
    public Mono<PresignedRequest> presign(PresignRequest request) {
        return direct.presign(request);
    }

    @Override
    public TransferBudget transferBudget() {
        return transport.budget();
    }

    @Override
    public Mono<Void> disposeLater() {
        return pool.disposeLater();
    }

    @Override
    public void close() {
        pool.dispose();
    }

    @Override
    public String toString() {
        Endpoint endpoint = transport.endpoint();
        return "OssClient[" + endpoint.scheme() + "://" + endpoint.host() + ":" + endpoint.port() + "]";
    }

    private <T> Mono<T> limited(Mono<T> call) {
        return callTimeout.map(call::timeout).orElse(call);
    }

    /** {@code call} failing with a {@code TimeoutException} once the call timeout has passed since it began. */
    private <T> Flux<T> limited(Flux<T> call) {
        return callTimeout.map(limit -> Flux.defer(() -> {
            Mono<Long> deadline = Mono.delay(limit).cache();
            return call.timeout(deadline, item -> deadline);
        })).orElse(call);
    }
}

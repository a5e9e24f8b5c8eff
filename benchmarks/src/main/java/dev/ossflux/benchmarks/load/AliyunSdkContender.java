package dev.ossflux.benchmarks.load;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutObjectResult;
import com.aliyun.oss.model.UploadFileRequest;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The official {@code com.aliyun.oss:aliyun-sdk-oss} 3.18.x, blocking, driven by a fixed thread
 * pool: path style (SLD) on loopback, V4 signing, its default CRC-64 check on. Multipart files
 * go through its own {@code uploadFile} (which runs {@code taskNum} threads); a stream of unknown
 * length goes in one chunked PutObject, which is how the SDK sends an {@code InputStream}
 * without a length.
 */
final class AliyunSdkContender implements Contender {

    private static final long MULTIPART_THRESHOLD = 16L * 1024 * 1024;

    private final Target target;
    private final int poolSize;
    private final OSS client;
    private ExecutorService pool;
    private final Callback callback;

    AliyunSdkContender(Target target, int poolSize) {
        this.target = target;
        this.poolSize = poolSize;
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxConnections(Math.max(poolSize, 1024));
        conf.setConnectionTimeout(10_000);
        conf.setSocketTimeout(60_000);
        this.client = OSSClientBuilder.create().endpoint(target.endpoint())
                .credentialsProvider(new DefaultCredentialProvider(target.accessKeyId(), target.accessKeySecret()))
                .clientConfiguration(conf).region(target.region()).build();
        this.callback = new Callback();
        callback.setCallbackUrl(target.callbackUrl());
        callback.setCallbackBody(Target.CALLBACK_BODY);
        callback.setCalbackBodyType(Callback.CalbackBodyType.URL);
    }

    @Override
    public void putObjects(String prefix, int count, byte[] data, int concurrency, boolean withCallback,
            Latencies latencies) throws Exception {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(poolSize);
        }
        List<Future<?>> uploads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = prefix + "/" + i;
            uploads.add(pool.submit(() -> {
                long start = System.nanoTime();
                ObjectMetadata metadata = new ObjectMetadata();
                metadata.setContentLength(data.length);
                PutObjectRequest request = new PutObjectRequest(target.bucket(), key, new ByteArrayInputStream(data),
                        metadata);
                if (withCallback) {
                    request.setCallback(callback);
                }
                PutObjectResult result = client.putObject(request);
                if (result.getETag() == null) {
                    throw new IllegalStateException("no ETag for " + key);
                }
                if (withCallback) {
                    try (InputStream reply = result.getResponse().getContent()) {
                        if (reply.readAllBytes().length == 0) {
                            throw new IllegalStateException("no callback reply for " + key);
                        }
                    }
                }
                latencies.since(start);
                return null;
            }));
        }
        for (Future<?> upload : uploads) {
            upload.get();
        }
    }

    @Override
    public void uploadFile(String key, Path file, long partBytes, int concurrency) throws Exception {
        UploadFileRequest request = new UploadFileRequest(target.bucket(), key);
        request.setUploadFile(file.toString());
        request.setPartSize(partBytes);
        request.setTaskNum(concurrency);
        request.setEnableCheckpoint(false);
        try {
            client.uploadFile(request);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Walks the tree and hands each file to the pool: one PutObject below the 16 MiB that ossflux
     * also uses as its multipart threshold, the SDK's {@code uploadFile} (4 part threads) above.
     */
    @Override
    public void uploadDirectory(String prefix, Path dir, int concurrency, long partBytes) throws Exception {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(poolSize);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        List<Future<?>> uploads = new ArrayList<>(files.size());
        for (Path file : files) {
            String key = prefix + "/" + dir.relativize(file).toString().replace(File.separatorChar, '/');
            uploads.add(pool.submit(() -> {
                if (Files.size(file) < MULTIPART_THRESHOLD) {
                    client.putObject(target.bucket(), key, file.toFile());
                } else {
                    uploadFile(key, file, partBytes, 4);
                }
                return null;
            }));
        }
        for (Future<?> upload : uploads) {
            upload.get();
        }
    }

    @Override
    public void uploadStream(String key, InputStream data, long partBytes, int concurrency) {
        client.putObject(target.bucket(), key, data);
    }

    @Override
    public String configuration() {
        return pool == null ? "" : poolSize + " threads";
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        client.shutdown();
    }
}

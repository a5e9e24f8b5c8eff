package dev.ossflux.testkit;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

/** The official Java SDK 3.x pointed at an emulator: path style (SLD) on loopback, V1 or V4. */
final class Sdk {

    private Sdk() {
    }

    static OSS client(OssEmulator oss, SignVersion version) {
        return client(oss, version, OssEmulator.DEFAULT_ACCESS_KEY_ID, OssEmulator.DEFAULT_ACCESS_KEY_SECRET);
    }

    static OSS client(OssEmulator oss, SignVersion version, String accessKeyId, String secret) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(version);
        conf.setMaxErrorRetry(0);
        conf.setConnectionTimeout(5_000);
        conf.setSocketTimeout(20_000);
        return OSSClientBuilder.create().endpoint(oss.endpoint())
                .credentialsProvider(new DefaultCredentialProvider(accessKeyId, secret))
                .clientConfiguration(conf).region(oss.region()).build();
    }
}

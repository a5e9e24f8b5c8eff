package dev.ossflux.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.callback.CallbackHeaders;
import dev.ossflux.core.internal.callback.CallbackStringToSign;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The callback signature and body of oss-protocol.md §10.9, with its 1024-bit test key. */
class CallbackSignerTest {

    static final String PRIVATE_KEY = "MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBANPASiIcY1pONX9s"
            + "SjBiybLuk3EKskCAdj3Wq0/oXdmA/g66cXYpEtg1CKVxX2sTph8vFY/rICXCYOD9"
            + "dGNk3dBPj2ZW5l9GKdy+AJOJQJ0adPLLIv7Q2x3bjpcWonJc7BUoDGcNoKg5KLUE"
            + "HmlA5xX1TeHLzNUT7BAC71MMEe//AgMBAAECgYEAzqPA9IbFgfP+iwnPYGaXNLFT"
            + "WyY4C3ARc4lRBprZMw+JXjAd11R/2lPuyxzXI/Q50gatwROP/Kkyx30vnmtpdUAv"
            + "AYAeIIErs2Qr7sVPkW075snz15nKUIYYlue7Ht3K3++8WoCru2Ql+rhakYyI1LsM"
            + "4UrIZPY4Lw57dgT1+tECQQDq1Th+12XwpccSPDq0K1R9H3TVe8DYY1a2rSktDrPM"
            + "HBkgDZ9dQ0BlBg81lQwvJZSvtmaDcdZMc5ULqWBhxQ3nAkEA5tZ0yxpV4L/Amome"
            + "MTDHsFBhXjlrK/0K147JiBOTbX0XXzxELSXNX14lYxykvD8JQosLIAhIN2OEOMTr"
            + "T3TaKQJAdfdqi/10jjEZEcYDz2I87SYSMPQb6hftBZNzLdlG5O/whzOQrO8NuDIV"
            + "Dduz5TNBwAsm8D0NZBZj9xm8+yBcXQJAGNl3QzH3krUxt7Ee3W7B4GIWyTznI5oe"
            + "46uUWFi7Iys3K+Jh+HY8UIri/XNk7HrgtVAgh3c8xvGoly/joO8UWQJAIrDzKPlR"
            + "nlNIqBhrT0WvlbvO7EJDYbZyttI0ZJzFqNIIxbEkJ8AN2xG8BderOki1lYvYPDpT"
            + "k7tnYMk/MFDj2A==";
    static final String PUBLIC_KEY = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDTwEoiHGNaTjV/bEowYsmy7pNx"
            + "CrJAgHY91qtP6F3ZgP4OunF2KRLYNQilcV9rE6YfLxWP6yAlwmDg/XRjZN3QT49m"
            + "VuZfRincvgCTiUCdGnTyyyL+0Nsd246XFqJyXOwVKAxnDaCoOSi1BB5pQOcV9U3h"
            + "y8zVE+wQAu9TDBHv/wIDAQAB";
    static final String CB_B = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9jYWxsYmFjay5leGFtcGxlLmNvbTo4MDgwL29zcy9jYj9zcmM9b3NzIiwi"
            + "Y2FsbGJhY2tIb3N0IjoiY2FsbGJhY2suZXhhbXBsZS5jb20iLCJjYWxsYmFja0JvZHkiOiJidWNrZXQ9JHtidWNrZXR9Jm9iamVjdD0ke29i"
            + "amVjdH0mZXRhZz0ke2V0YWd9JnNpemU9JHtzaXplfSZtaW1lVHlwZT0ke21pbWVUeXBlfSZjcmM2ND0ke2NyYzY0fSZ1aWQ9JHt4OnVpZH0i"
            + "LCJjYWxsYmFja0JvZHlUeXBlIjoiYXBwbGljYXRpb24veC13d3ctZm9ybS11cmxlbmNvZGVkIn0=";
    static final String C1_BODY = "bucket=examplebucket&object=exampledir%2Fexampleobject.txt"
            + "&etag=781E5E245D69B566979B86E28D23F2C7&size=10&mimeType=text%2Fplain&crc64=2838902930144391966&uid=42";
    static final String C1_SIGNATURE = "Q7HNE3d4p/IbZ+wxv6sjQYBBvhOxWmp8G/EoNj7CF3UrHa0+19HLPH/+4GbqU8fadef/F1X4N4PiGwFM"
            + "ZvudzyInvmSEeC59tN5XwLWU2t7J0ssYbnqLS8r04yQk4Gahu3XkNHKhB7dtwooyF2RNZ7RRj71qrzlPfiTc1JBbAFk=";

    static KeyPair testKeyPair() throws Exception {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(PUBLIC_KEY))),
                rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PRIVATE_KEY))));
    }

    @Test
    void fillsTheFormBodyOfTheSdkCallbackVector() {
        Callback callback = CallbackHeaders.decode(CB_B, "eyJ4OnVpZCI6IjQyIiB9");
        String body = CallbackBody.render(callback, CallbackBody.systemVariables("examplebucket",
                "exampledir/exampleobject.txt", "781E5E245D69B566979B86E28D23F2C7", 10, "text/plain",
                Long.parseUnsignedLong("2838902930144391966"), "eB5eJF1ptWaXm4bijSPyxw==", "127.0.0.1", "R", "PutObject"));
        assertThat(body).isEqualTo(C1_BODY).hasSize(159);
    }

    @Test
    void signsTheCallbackOfVectorC1ExactlyWithTheTestKey() throws Exception {
        CallbackSigner signer = new CallbackSigner(testKeyPair());
        byte[] stringToSign = CallbackStringToSign.of("/oss/cb", Optional.of("src=oss"),
                C1_BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(signer.sign(stringToSign)).isEqualTo(C1_SIGNATURE);
    }

    @Test
    void publishesAPemThatVerifiesItsSignatures() throws Exception {
        KeyPair keys = testKeyPair();
        CallbackSigner signer = new CallbackSigner(keys);
        String pem = signer.publicKeyPem();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        Signature verifier = Signature.getInstance("MD5withRSA");
        verifier.initVerify(KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(base64))));
        verifier.update("hello".getBytes());
        assertThat(verifier.verify(Base64.getDecoder().decode(signer.sign("hello".getBytes())))).isTrue();
    }

    @Test
    void fillsJsonBodiesWithJsonValuesAndSizeAsANumber() {
        Callback callback = Callback.builder("http://example.com/cb",
                "{\"o\":${object},\"s\":${size},\"c\":${crc64},\"h\":${imageInfo.height},\"v\":${x:v},\"m\":${x:missing}}")
                .bodyType(Callback.BodyType.JSON).variable("x:v", "a\"b").build();
        Map<String, String> variables = CallbackBody.systemVariables("b", "dir/k \"q\".txt", "E", 12, "text/plain",
                -1L, "", "127.0.0.1", "R", "PutObject");

        assertThat(CallbackBody.render(callback, variables)).isEqualTo(
                "{\"o\":\"dir/k \\\"q\\\".txt\",\"s\":12,\"c\":\"18446744073709551615\",\"h\":\"\",\"v\":\"a\\\"b\","
                        + "\"m\":\"\"}");
    }

    @Test
    void encodesFormValuesWithRfc3986() {
        Callback callback = Callback.builder("http://example.com/cb", "k=${object}&v=${x:v}").variable("x:v", "a b~+")
                .build();
        assertThat(CallbackBody.render(callback, Map.of("object", "测 /x"))).isEqualTo("k=%E6%B5%8B%20%2Fx&v=a%20b~%2B");
    }
}

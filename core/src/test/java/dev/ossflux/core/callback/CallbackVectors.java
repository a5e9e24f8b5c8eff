package dev.ossflux.core.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The signed callback request of oss-protocol.md §10.9 and its 1024-bit test key pair. */
final class CallbackVectors {

    static final String PRIVATE_KEY_PEM = """
            -----BEGIN PRIVATE KEY-----
            MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBANPASiIcY1pONX9s
            SjBiybLuk3EKskCAdj3Wq0/oXdmA/g66cXYpEtg1CKVxX2sTph8vFY/rICXCYOD9
            dGNk3dBPj2ZW5l9GKdy+AJOJQJ0adPLLIv7Q2x3bjpcWonJc7BUoDGcNoKg5KLUE
            HmlA5xX1TeHLzNUT7BAC71MMEe//AgMBAAECgYEAzqPA9IbFgfP+iwnPYGaXNLFT
            WyY4C3ARc4lRBprZMw+JXjAd11R/2lPuyxzXI/Q50gatwROP/Kkyx30vnmtpdUAv
            AYAeIIErs2Qr7sVPkW075snz15nKUIYYlue7Ht3K3++8WoCru2Ql+rhakYyI1LsM
            4UrIZPY4Lw57dgT1+tECQQDq1Th+12XwpccSPDq0K1R9H3TVe8DYY1a2rSktDrPM
            HBkgDZ9dQ0BlBg81lQwvJZSvtmaDcdZMc5ULqWBhxQ3nAkEA5tZ0yxpV4L/Amome
            MTDHsFBhXjlrK/0K147JiBOTbX0XXzxELSXNX14lYxykvD8JQosLIAhIN2OEOMTr
            T3TaKQJAdfdqi/10jjEZEcYDz2I87SYSMPQb6hftBZNzLdlG5O/whzOQrO8NuDIV
            Dduz5TNBwAsm8D0NZBZj9xm8+yBcXQJAGNl3QzH3krUxt7Ee3W7B4GIWyTznI5oe
            46uUWFi7Iys3K+Jh+HY8UIri/XNk7HrgtVAgh3c8xvGoly/joO8UWQJAIrDzKPlR
            nlNIqBhrT0WvlbvO7EJDYbZyttI0ZJzFqNIIxbEkJ8AN2xG8BderOki1lYvYPDpT
            k7tnYMk/MFDj2A==
            -----END PRIVATE KEY-----
            """;

    static final String PUBLIC_KEY_PEM = """
            -----BEGIN PUBLIC KEY-----
            MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDTwEoiHGNaTjV/bEowYsmy7pNx
            CrJAgHY91qtP6F3ZgP4OunF2KRLYNQilcV9rE6YfLxWP6yAlwmDg/XRjZN3QT49m
            VuZfRincvgCTiUCdGnTyyyL+0Nsd246XFqJyXOwVKAxnDaCoOSi1BB5pQOcV9U3h
            y8zVE+wQAu9TDBHv/wIDAQAB
            -----END PUBLIC KEY-----
            """;

    static final String PATH = "/oss/cb";
    static final String QUERY = "src=oss";
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";
    static final String BODY = "bucket=examplebucket&object=exampledir%2Fexampleobject.txt"
            + "&etag=781E5E245D69B566979B86E28D23F2C7&size=10&mimeType=text%2Fplain&crc64=2838902930144391966&uid=42";
    static final String AUTHORIZATION = "Q7HNE3d4p/IbZ+wxv6sjQYBBvhOxWmp8G/EoNj7CF3UrHa0+19HLPH/+4GbqU8fadef/F1X4N4Pi"
            + "GwFMZvudzyInvmSEeC59tN5XwLWU2t7J0ssYbnqLS8r04yQk4Gahu3XkNHKhB7dtwooyF2RNZ7RRj71qrzlPfiTc1JBbAFk=";
    static final String OSS_KEY_URL = "aHR0cHM6Ly9nb3NzcHVibGljLmFsaWNkbi5jb20vY2FsbGJhY2tfcHViX2tleV92MS5wZW0=";

    private CallbackVectors() {
    }

    /** The §10.9 request as OSS sends it, its key URL replaced by {@code keyUrl} (plain text). */
    static CallbackRequest.Builder request(String keyUrl) {
        return CallbackRequest.builder(PATH).query(QUERY)
                .authorization(AUTHORIZATION)
                .publicKeyUrl(base64(keyUrl))
                .contentType(CONTENT_TYPE)
                .body(BODY.getBytes(StandardCharsets.UTF_8));
    }

    /** What OSS would send in {@code Authorization} for {@code stringToSign}, signed with the test private key. */
    static String sign(String stringToSign) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(PRIVATE_KEY_PEM.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            Signature signer = Signature.getInstance("MD5withRSA");
            signer.initSign(key);
            signer.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

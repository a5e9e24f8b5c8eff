package dev.ossflux.core.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlTest {

    @Test
    void parsesEveryLeafOfAnErrorBody() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>
                  <RequestId>65A4ED880000000000000001</RequestId><HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>
                  <Key>missing.txt</Key><EC>0026-00000001</EC>
                  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0026-00000001</RecommendDoc></Error>""";
        ErrorBody error = ErrorBody.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(error.get("Code")).isEqualTo("NoSuchKey");
        assertThat(error.get("Message")).isEqualTo("The specified key does not exist.");
        assertThat(error.get("RequestId")).isEqualTo("65A4ED880000000000000001");
        assertThat(error.get("HostId")).isEqualTo("examplebucket.oss-cn-hangzhou.aliyuncs.com");
        assertThat(error.get("Key")).isEqualTo("missing.txt");
        assertThat(error.get("EC")).isEqualTo("0026-00000001");
    }

    @Test
    void givesAnEmptyErrorForBodiesThatAreNotXml() {
        assertThat(ErrorBody.parse("<html>bad gateway".getBytes(StandardCharsets.UTF_8)).fields()).isEmpty();
        assertThat(ErrorBody.parse(new byte[0]).fields()).isEmpty();
    }

    @Test
    void rendersAnErrorBodyThatParsesBack() {
        ErrorBody error = new ErrorBody(java.util.Map.of("Code", "InvalidArgument", "Message", "a < b & \"c\""));
        assertThat(ErrorBody.parse(error.toXml().getBytes(StandardCharsets.UTF_8)).fields())
                .isEqualTo(error.fields());
    }

    @Test
    void readsCompleteBodiesWithEntityOrLiteralQuotes() {
        String xml = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&quot;722BCC3A&quot;</ETag>"
                + "</Part><Part><PartNumber>2</PartNumber><ETag>\"83D4BD21\"</ETag></Part></CompleteMultipartUpload>";
        CompleteMultipartUpload complete = Xml.read(xml.getBytes(StandardCharsets.UTF_8),
                CompleteMultipartUpload.class);
        assertThat(complete.parts()).extracting(CompleteMultipartUpload.Part::etag)
                .containsExactly("\"722BCC3A\"", "\"83D4BD21\"");
    }

    @Test
    void writesCompleteBodiesWithoutWrapperOrNamespace() {
        String xml = Xml.text(Xml.write(new CompleteMultipartUpload(List.of(
                new CompleteMultipartUpload.Part(1, "\"A\""), new CompleteMultipartUpload.Part(2, "\"B\"")))));
        assertThat(xml).contains("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"A\"</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>\"B\"</ETag></Part></CompleteMultipartUpload>")
                .doesNotContain("xmlns");
    }

    @Test
    void roundTripsListParts() {
        ListPartsResult result = new ListPartsResult("examplebucket", "big/file.bin", "0004B98", "Standard", 0, 1,
                1000, false, List.of(new ListPartsResult.Part(1, "2024-01-15T08:30:00.000Z", "\"722B\"",
                        "9007467469431161291", 409600)));
        byte[] xml = Xml.write(result);
        assertThat(Xml.text(xml)).contains("<MaxParts>1000</MaxParts>").contains("<IsTruncated>false</IsTruncated>");
        assertThat(Xml.read(xml, ListPartsResult.class)).isEqualTo(result);
        assertThat(Xml.read(Xml.write(new ListPartsResult("b", "k", "u", "Standard", 0, 0, 1000, false, List.of())),
                ListPartsResult.class).parts()).isEmpty();
    }

    @Test
    void refusesDocumentsWithADtdSoThatNoEntityIsExpanded(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String external = "<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]><Error><Code>&xxe;</Code></Error>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;"
                + "&a;&a;&a;&a;\">]><Error><Code>&b;&b;&b;&b;</Code></Error>";
        for (String xml : List.of(external, laughs)) {
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            assertThat(ErrorBody.parse(bytes).fields()).isEmpty();
            assertThatThrownBy(() -> Xml.read(bytes, InitiateMultipartUploadResult.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("TOP-SECRET");
        }
    }

    @Test
    void refusesAnExternalDtdWithoutFetchingIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            String xml = "<?xml version=\"1.0\"?><!DOCTYPE Error SYSTEM \"http://127.0.0.1:" + server.getLocalPort()
                    + "/evil.dtd\"><Error><Code>X</Code></Error>";
            assertThat(ErrorBody.parse(xml.getBytes(StandardCharsets.UTF_8)).fields()).isEmpty();
            assertThatThrownBy(server::accept).as("nobody asked for the DTD")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
}

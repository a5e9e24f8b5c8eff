package dev.ossflux.core.internal.xml;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/** The one XML mapper of ossflux: OSS bodies without a namespace, declared as UTF-8. */
public final class Xml {

    public static final XmlMapper MAPPER = XmlMapper.builder()
            .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Xml() {
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static <T> T read(byte[] xml, Class<T> type) {
        return MAPPER.readValue(xml, type);
    }

    public static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }
}

package dev.ossflux.core.internal.xml;

import dev.ossflux.core.internal.json.Records;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * OSS's XML bodies, read with the JDK's StAX parser (no DTDs, no external entities: a document with a
 * {@code DOCTYPE} is refused) and written as UTF-8 without a namespace. A body record's components are its
 * elements, capitalised ({@code bucket} is {@code <Bucket>}) but for the names OSS spells otherwise; a
 * {@code List} component is a repeated element without a wrapper; {@code null} components are left out.
 */
public final class Xml {

    /** Component names whose element is not the capitalised name. */
    private static final Map<String, String> ELEMENTS = Map.of("etag", "ETag", "crc64", "HashCrc64ecma",
            "truncated", "IsTruncated", "parts", "Part", "uploads", "Upload");
    private static final UnaryOperator<String> NAMES = name -> ELEMENTS.getOrDefault(name,
            Character.toUpperCase(name.charAt(0)) + name.substring(1));
    private static final XMLInputFactory INPUT = inputFactory();

    private Xml() {
    }

    /** {@code value}, a body record, as an XML document whose root element is the record's simple name. */
    public static byte[] write(Object value) {
        String document = document(value.getClass().getSimpleName(), Records.tree(value, NAMES));
        return document.getBytes(StandardCharsets.UTF_8);
    }

    /** An XML document of one root element holding {@code content}: a map of elements, or text, escaped. */
    public static String document(String root, @Nullable Object content) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        element(xml, root, content);
        return xml.toString();
    }

    /**
     * Reads a body record from an XML document.
     *
     * @throws IllegalArgumentException when the body is not well-formed XML, has a DTD or does not fit the type
     */
    public static <T> T read(byte[] xml, Class<T> type) {
        return type.cast(Records.bind(tree(xml), type, NAMES));
    }

    /**
     * The root element's content as a tree: an element with child elements is a map of them by name (a name
     * that repeats maps to a list), any other element its text.
     *
     * @throws IllegalArgumentException when the body is not well-formed XML or has a DTD
     */
    public static @Nullable Object tree(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                refuseDtd(reader);
            }
            Object root = content(reader);
            while (reader.hasNext()) {
                refuseDtd(reader);
                reader.next();
            }
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            throw e instanceof IllegalArgumentException refused ? refused
                    : new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(reader);
        }
    }

    public static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void element(StringBuilder xml, String name, @Nullable Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> items) {
            items.forEach(item -> element(xml, name, item));
            return;
        }
        xml.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> children) {
            children.forEach((child, content) -> element(xml, (String) child, content));
        } else {
            xml.append(escape(value.toString()));
        }
        xml.append("</").append(name).append('>');
    }

    /** Reads from a start element to its end: a map of child elements, or the text when it has none. */
    private static Object content(XMLStreamReader reader) throws XMLStreamException {
        Map<String, Object> children = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                add(children, reader.getLocalName(), content(reader));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return children.isEmpty() ? text.toString() : children;
            } else {
                refuseDtd(reader);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> children, String name, Object value) {
        Object earlier = children.get(name);
        if (earlier == null) {
            children.put(name, value);
        } else if (earlier instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else {
            children.put(name, new ArrayList<>(List.of(earlier, value)));
        }
    }

    private static void refuseDtd(XMLStreamReader reader) {
        int event = reader.getEventType();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new IllegalArgumentException("XML with a DOCTYPE or entity references is not accepted");
        }
    }

    private static void close(@Nullable XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing is held open for a byte array
            }
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}

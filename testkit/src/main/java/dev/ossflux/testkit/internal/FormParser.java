package dev.ossflux.testkit.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A streaming {@code multipart/form-data} reader for PostObject: the fields before the {@code file} part are
 * kept (each up to a cap), the {@code file} part's bytes are handed on as they arrive without being
 * collected, and whatever follows the file is skipped, as OSS ignores it. Not thread-safe: one body, fed
 * in order.
 */
final class FormParser {

    /** The file part's headers, given to the {@link Listener} once all fields before it are known. */
    record FilePart(String filename, @Nullable String contentType) {
    }

    /** Told when the file part starts; may throw an {@link OssError} to refuse the upload before its bytes. */
    interface Listener {
        void fileStarts(Map<String, String> fields, FilePart file);
    }

    private enum State { PREAMBLE, DELIMITED, HEADERS, FIELD, FILE, DONE }

    private static final int MAX_HEADER_BLOCK = 8 * 1024;
    private static final byte[] NONE = new byte[0];
    private static final int CRLF = 0x0D0A;
    private static final int CRLF_CRLF = 0x0D0A0D0A;

    private final byte[] delimiter;
    private final int maxField;
    private final int maxFields;
    private final Listener listener;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final ByteArrayOutputStream part = new ByteArrayOutputStream();
    private State state = State.PREAMBLE;
    /** Bytes at the end of the previous chunk that may begin the delimiter; the stream starts with a virtual CRLF. */
    private byte[] pending = {'\r', '\n'};
    private @Nullable String fieldName;
    private boolean sawFile;
    private long fieldBytes;
    /** The last four bytes of the part headers read so far, the latest lowest. */
    private int lastFour;
    /** Where in the chunk the last {@link #scan} stopped. */
    private int scanned;

    /**
     * @param maxField the largest value of one field, in bytes
     * @param maxFields the most bytes of all fields and part headers together
     */
    FormParser(String boundary, int maxField, int maxFields, Listener listener) {
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.maxField = maxField;
        this.maxFields = maxFields;
        this.listener = listener;
    }

    /** The boundary of a {@code multipart/form-data} content type; null for any other type. */
    static @Nullable String boundary(@Nullable String contentType) {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        String boundary = parameter(contentType, "boundary");
        return boundary == null || boundary.isEmpty() || boundary.length() > 70 ? null : boundary;
    }

    /**
     * Reads {@code chunk} (not released here) and returns the file bytes in it, retained for the caller, or
     * null when it holds none.
     */
    @Nullable ByteBuf feed(ByteBuf chunk) {
        ByteBuf data = null;
        int index = chunk.readerIndex();
        int end = chunk.writerIndex();
        while (index < end && state != State.DONE) {
            switch (state) {
                case DELIMITED -> {
                    part.write(chunk.getByte(index++));
                    afterDelimiter();
                }
                case HEADERS -> {
                    byte b = chunk.getByte(index++);
                    part.write(b);
                    lastFour = lastFour << 8 | (b & 0xFF);
                    headers();
                }
                default -> {
                    ByteBuf piece = scan(chunk, index, end);
                    index = scanned;
                    if (piece != null) {
                        data = data == null ? piece : Unpooled.wrappedBuffer(data, piece);
                    }
                }
            }
        }
        return data;
    }

    /** Whether the file part arrived whole. */
    boolean complete() {
        return sawFile && state == State.DONE;
    }

    /** Checks, once the body has ended, that it held a whole file part. */
    void finish() {
        if (!sawFile) {
            throw OssError.invalidArgument("The body of the POST request holds no 'file' field.")
                    .field("ArgumentName", "file");
        }
        if (state != State.DONE) {
            throw malformed("the body ended inside the file part");
        }
    }

    /** Finds the delimiter from {@code index}; hands on or keeps what comes before it; sets {@link #scanned}. */
    private @Nullable ByteBuf scan(ByteBuf chunk, int index, int end) {
        int held = pending.length;
        int total = held + (end - index);
        int found = find(chunk, index, total);
        int dataEnd = found >= 0 ? found : total - partialMatch(chunk, index, total);
        ByteBuf out = take(chunk, index, dataEnd);
        if (found >= 0) {
            scanned = index + found + delimiter.length - held;
            pending = NONE;
            partEnded();
        } else {
            byte[] keep = new byte[total - dataEnd];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = at(chunk, index, dataEnd + i);
            }
            pending = keep;
            scanned = end;
        }
        return out;
    }

    /** Bytes {@code [0, dataEnd)} of pending-then-chunk: the file's (returned) or the field's (kept). */
    private @Nullable ByteBuf take(ByteBuf chunk, int index, int dataEnd) {
        int fromPending = Math.min(dataEnd, pending.length);
        int fromChunk = dataEnd - fromPending;
        if (state == State.FIELD) {
            fieldBytes += dataEnd;
            if (part.size() + dataEnd > maxField || fieldBytes > maxFields) {
                throw tooLarge();
            }
            part.write(pending, 0, fromPending);
            for (int i = 0; i < fromChunk; i++) {
                part.write(chunk.getByte(index + i));
            }
            return null;
        }
        if (state != State.FILE || dataEnd == 0) {
            return null;
        }
        ByteBuf head = fromPending == 0 ? null : Unpooled.wrappedBuffer(Arrays.copyOf(pending, fromPending));
        ByteBuf tail = fromChunk == 0 ? null : chunk.retainedSlice(index, fromChunk);
        return head == null ? tail : tail == null ? head : Unpooled.wrappedBuffer(head, tail);
    }

    private void partEnded() {
        if (state == State.FIELD) {
            String name = fieldName;
            for (String existing : fields.keySet()) {
                if (existing.equalsIgnoreCase(name)) {
                    throw OssError.invalidArgument("The form field '" + name + "' is given more than once.")
                            .field("ArgumentName", name);
                }
            }
            fields.put(name, part.toString(StandardCharsets.UTF_8));
        }
        part.reset();
        state = state == State.FILE ? State.DONE : State.DELIMITED;
    }

    /** Two bytes after a delimiter: {@code --} ends the body, CRLF starts a part. */
    private void afterDelimiter() {
        if (part.size() < 2) {
            return;
        }
        byte[] two = part.toByteArray();
        part.reset();
        if (two[0] == '-' && two[1] == '-') {
            state = State.DONE;
        } else if (two[0] == '\r' && two[1] == '\n') {
            state = State.HEADERS;
        } else {
            throw malformed("a boundary is followed by neither CRLF nor '--'");
        }
    }

    private void headers() {
        int size = part.size();
        fieldBytes++;
        if (size > MAX_HEADER_BLOCK || fieldBytes > maxFields) {
            throw tooLarge();
        }
        boolean empty = size == 2 && (lastFour & 0xFFFF) == CRLF;
        boolean ended = size >= 4 && lastFour == CRLF_CRLF;
        if (!empty && !ended) {
            return;
        }
        byte[] bytes = part.toByteArray();
        part.reset();
        String disposition = null;
        String contentType = null;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r\n")) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (name.equals("content-disposition")) {
                disposition = line.substring(colon + 1);
            } else if (name.equals("content-type")) {
                contentType = line.substring(colon + 1).trim();
            }
        }
        String name = disposition == null ? null : parameter(disposition, "name");
        if (name == null || name.isEmpty()) {
            throw malformed("a part has no Content-Disposition name");
        }
        if (name.equalsIgnoreCase("file")) {
            sawFile = true;
            String filename = parameter(disposition, "filename");
            listener.fileStarts(Map.copyOf(fields), new FilePart(filename == null ? "" : filename, contentType));
            state = State.FILE;
        } else {
            fieldName = name;
            state = State.FIELD;
        }
    }

    /** The position in pending-then-chunk where the delimiter starts, or -1. */
    private int find(ByteBuf chunk, int index, int total) {
        int last = total - delimiter.length;
        for (int start = 0; start <= last; start++) {
            if (at(chunk, index, start) != '\r') {
                continue;
            }
            int i = 1;
            while (i < delimiter.length && at(chunk, index, start + i) == delimiter[i]) {
                i++;
            }
            if (i == delimiter.length) {
                return start;
            }
        }
        return -1;
    }

    /** The length of the longest end of pending-then-chunk that begins the delimiter. */
    private int partialMatch(ByteBuf chunk, int index, int total) {
        for (int length = Math.min(delimiter.length - 1, total); length > 0; length--) {
            int start = total - length;
            int i = 0;
            while (i < length && at(chunk, index, start + i) == delimiter[i]) {
                i++;
            }
            if (i == length) {
                return length;
            }
        }
        return 0;
    }

    private byte at(ByteBuf chunk, int index, int position) {
        return position < pending.length ? pending[position] : chunk.getByte(index + position - pending.length);
    }

    /** A {@code name=value} or {@code name="value"} parameter of a header value. */
    private static @Nullable String parameter(String header, String name) {
        for (String piece : header.split(";")) {
            int eq = piece.indexOf('=');
            if (eq > 0 && piece.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String value = piece.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    private static OssError malformed(String why) {
        return OssError.invalidArgument("The body of the POST request is not well-formed multipart/form-data: "
                + why + ".");
    }

    private OssError tooLarge() {
        return OssError.invalidArgument("A form field is too large: each field may hold " + maxField
                + " bytes, all fields together " + maxFields + ".").closeConnection();
    }
}

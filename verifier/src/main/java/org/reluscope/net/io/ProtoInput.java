package org.reluscope.net.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.DoubleConsumer;
import java.util.function.LongConsumer;

import org.reluscope.BadInputException;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/**
 * A cursor over protobuf wire data that checks what a hand-written decoder must not trust: the
 * wire type of each known field and that every length stays inside its message and the file.
 * A cut-off file is reported as truncated, with the byte offset, rather than as a parse failure
 * deep inside the protobuf library.
 *
 * <p>Usage: {@code while ((field = in.next()) != 0) switch (field) { … default -> in.skip(); }}.
 */
final class ProtoInput {
    /** Decodes one message whose fields the cursor is positioned on. */
    interface MessageParser<T> {
        T parse(ProtoInput in) throws IOException;
    }

    private final CodedInputStream in;
    private final int fileLength;
    private final String source;
    private int tag;

    ProtoInput(byte[] data, String source) {
        this.in = CodedInputStream.newInstance(data);
        this.fileLength = data.length;
        this.source = source;
    }

    /** The number of the next field of the current message, or 0 at its end. */
    int next() throws IOException {
        if (in.isAtEnd()) {
            return 0;
        }
        tag = in.readTag();
        return WireFormat.getTagFieldNumber(tag);
    }

    /** Offset of the cursor from the start of the file. */
    int position() {
        return in.getTotalBytesRead();
    }

    void skip() throws IOException {
        in.skipField(tag);
    }

    long readVarint() throws IOException {
        expect(WireFormat.WIRETYPE_VARINT);
        return in.readInt64();
    }

    float readFloat() throws IOException {
        expect(WireFormat.WIRETYPE_FIXED32);
        return in.readFloat();
    }

    String readString() throws IOException {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    byte[] readBytes() throws IOException {
        int length = readLength();
        return in.readRawBytes(length);
    }

    /** A nested message, decoded by {@code parser} within its declared length. */
    <T> T readMessage(MessageParser<T> parser) throws IOException {
        int length = readLength();
        int outer = in.pushLimit(length);
        T value = parser.parse(this);
        in.popLimit(outer);
        return value;
    }

    /** A repeated int64 field, packed or not. */
    void readLongs(LongConsumer sink) throws IOException {
        repeated(WireFormat.WIRETYPE_VARINT, () -> sink.accept(in.readInt64()));
    }

    /** A repeated float field, packed or not. */
    void readFloats(DoubleConsumer sink) throws IOException {
        repeated(WireFormat.WIRETYPE_FIXED32, () -> sink.accept(in.readFloat()));
    }

    /** A repeated double field, packed or not. */
    void readDoubles(DoubleConsumer sink) throws IOException {
        repeated(WireFormat.WIRETYPE_FIXED64, () -> sink.accept(in.readDouble()));
    }

    /** One element of a repeated scalar field. */
    private interface Element {
        void read() throws IOException;
    }

    /** Protobuf writers may pack a repeated scalar field into one length-delimited run or not. */
    private void repeated(int unpackedWireType, Element element) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int outer = in.pushLimit(readLength());
            while (!in.isAtEnd()) {
                element.read();
            }
            in.popLimit(outer);
        } else {
            expect(unpackedWireType);
            element.read();
        }
    }

    /** The length prefix of a length-delimited field, checked against the message and the file. */
    private int readLength() throws IOException {
        expect(WireFormat.WIRETYPE_LENGTH_DELIMITED);
        int start = position();
        int length = in.readRawVarint32();
        int leftInFile = fileLength - position();
        if (length < 0 || length > leftInFile) {
            throw new BadInputException(source, "the file ends inside a field of " + Integer.toUnsignedString(length)
                    + " bytes that starts at byte " + start + " (truncated file?)");
        }
        int leftInMessage = in.getBytesUntilLimit();
        if (leftInMessage >= 0 && length > leftInMessage) {
            throw new BadInputException(source, "corrupt protobuf data: the field at byte " + start + " claims "
                    + length + " bytes but its message has only " + leftInMessage + " left");
        }
        return length;
    }

    private void expect(int wireType) {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new BadInputException(source, "corrupt protobuf data: field " + WireFormat.getTagFieldNumber(tag)
                    + " before byte " + position() + " has wire type " + WireFormat.getTagWireType(tag)
                    + ", expected " + wireType);
        }
    }
}
